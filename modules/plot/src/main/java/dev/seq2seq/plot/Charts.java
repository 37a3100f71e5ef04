package dev.seq2seq.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.DoubleStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** What every chart in this module shares: headless AWT, a white look, colours, PNG writing. */
final class Charts {
  static {
    // Training runs on servers without a display; without this, AWT may try to reach an X server.
    // An explicit -Djava.awt.headless=false (someone embedding us in a GUI) is left alone.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Matplotlib's "tab10" palette: familiar to readers and distinguishable in greyscale print. */
  static final List<Color> PALETTE =
      List.of(
          new Color(0x1f77b4),
          new Color(0xff7f0e),
          new Color(0x2ca02c),
          new Color(0xd62728),
          new Color(0x9467bd),
          new Color(0x8c564b),
          new Color(0xe377c2),
          new Color(0x7f7f7f),
          new Color(0xbcbd22),
          new Color(0x17becf));

  /** A log axis is worth it only when a linear one would flatten most of the curve. */
  static final double LOG_SCALE_DECADES = 2.0;

  private Charts() {}

  static Color colour(int seriesIndex) {
    return PALETTE.get(seriesIndex % PALETTE.size());
  }

  /** White backgrounds, so plots paste cleanly into papers and slides. */
  static void whiteLook(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setLegendBackgroundColor(Color.WHITE);
    styler.setChartTitleBoxBackgroundColor(Color.WHITE);
    styler.setAntiAlias(true);
  }

  /**
   * The given font when it has a glyph for every character in the texts, otherwise the first
   * installed font of the same style and size that has: the default sans-serif covers Latin
   * (umlauts included) but not, say, Chinese source tokens, which would render as boxes.
   */
  static Font fontFor(Font base, Collection<String> texts) {
    String all = String.join("", texts);
    if (base.canDisplayUpTo(all) == -1) {
      return base;
    }
    for (String family :
        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
      Font candidate = new Font(family, base.getStyle(), base.getSize());
      if (candidate.canDisplayUpTo(all) == -1) {
        return candidate;
      }
    }
    return base;
  }

  /** True when all values are positive and span more than {@link #LOG_SCALE_DECADES} decades. */
  static boolean wantsLogScale(DoubleStream finiteValues) {
    double[] v = finiteValues.filter(Double::isFinite).toArray();
    if (v.length < 2) {
      return false;
    }
    double min = DoubleStream.of(v).min().orElseThrow();
    double max = DoubleStream.of(v).max().orElseThrow();
    return min > 0 && Math.log10(max / min) > LOG_SCALE_DECADES;
  }

  /**
   * Writes the chart as PNG through a temporary file in the same folder, so a reader (a browser
   * refreshing plots/ during training) never sees a half-written image.
   */
  static void savePng(Chart<?, ?> chart, Path png) throws IOException {
    Path absolute = png.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: that makes the file owner-only, and the PNG would keep it.
    Path tmp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (var out = Files.newOutputStream(tmp)) {
        BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
      }
      try {
        Files.move(
            tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
