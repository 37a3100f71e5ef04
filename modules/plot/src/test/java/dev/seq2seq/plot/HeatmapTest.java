package dev.seq2seq.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapTest {
  @TempDir Path dir;

  static final List<String> TARGET = List.of("die", "Größe", "zählt");
  static final List<String> SOURCE = List.of("size", "matters", "the", "the");

  static float[][] oneHot(int rows, int cols, int row, int col) {
    float[][] w = new float[rows][cols];
    w[row][col] = 1f;
    return w;
  }

  @Test
  void writesAPngThatGrowsWithTheSentence() throws Exception {
    Path png = dir.resolve("attention/0.png");
    Heatmap.write(png, oneHot(3, 4, 1, 2), TARGET, SOURCE, "Größe zählt");

    BufferedImage image = Pixels.read(png);
    assertThat(image.getWidth()).isGreaterThanOrEqualTo(480);
    assertThat(Pixels.near(image, Heatmap.HIGH)).as("the attended cell is dark").isGreaterThan(500);

    List<String> long40 = Collections.nCopies(40, "tok");
    BufferedImage big = Heatmap.render(new float[40][40], long40, long40, "long");
    assertThat(big.getWidth()).isGreaterThan(40 * Heatmap.CELL);
    assertThat(big.getHeight()).isGreaterThan(40 * Heatmap.CELL);
  }

  @Test
  void theFirstTargetTokenIsTheTopRow() {
    List<String> rows = List.of("a", "b");
    List<String> cols = List.of("x", "y");
    BufferedImage top = Heatmap.render(oneHot(2, 2, 0, 0), rows, cols, "t");
    BufferedImage bottom = Heatmap.render(oneHot(2, 2, 1, 0), rows, cols, "t");
    // Left of the colour legend (which is dark at its top in both images).
    int plotSide = top.getWidth() * 2 / 3;
    double topRow = Pixels.meanRow(top, Heatmap.HIGH, plotSide);
    double bottomRow = Pixels.meanRow(bottom, Heatmap.HIGH, plotSide);
    assertThat(topRow).isLessThan(top.getHeight() / 2.0);
    assertThat(bottomRow).isGreaterThan(top.getHeight() / 2.0);
  }

  @Test
  void umlautLabelsRenderWithRealGlyphs() {
    Font base = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    Font font = Charts.fontFor(base, TARGET);
    FontRenderContext frc = new FontRenderContext(null, true, true);
    for (String label : TARGET) {
      GlyphVector glyphs = font.createGlyphVector(frc, label);
      for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
        assertThat(glyphs.getGlyphCode(i))
            .as("glyph %d of %s in %s", i, label, font.getFontName())
            .isNotEqualTo(font.getMissingGlyphCode());
      }
    }
    // And the label is drawn: changing only the umlaut changes the image.
    float[][] w = oneHot(1, 1, 0, 0);
    BufferedImage umlaut = Heatmap.render(w, List.of("zählt"), List.of("x"), "t");
    BufferedImage plain = Heatmap.render(w, List.of("zahlt"), List.of("x"), "t");
    assertThat(differingPixels(umlaut, plain)).isGreaterThan(0);
  }

  @Test
  void rejectsWeightsThatDoNotMatchTheLabels() {
    assertThatThrownBy(() -> Heatmap.render(new float[2][4], TARGET, SOURCE, "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 weight rows but 3 row labels");
    assertThatThrownBy(() -> Heatmap.render(new float[][] {{0, 0, 0, 0}, {0}, {0, 0, 0, 0}}, TARGET, SOURCE, "t"))
        .hasMessageContaining("row 1 has 1 weights but 4 column labels");
    float[][] nan = new float[3][4];
    nan[2][3] = Float.NaN;
    assertThatThrownBy(() -> Heatmap.render(nan, TARGET, SOURCE, "t"))
        .hasMessageContaining("[2][3] is NaN");
    assertThatThrownBy(() -> Heatmap.render(new float[0][0], List.of(), List.of(), "t"))
        .hasMessageContaining("at least one row");
  }

  private static int differingPixels(BufferedImage a, BufferedImage b) {
    assertThat(a.getWidth()).isEqualTo(b.getWidth());
    int n = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          n++;
        }
      }
    }
    return n;
  }
}
