package dev.seq2seq.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Looks at rendered images the way a reader would: size, ink, and where a colour appears. */
final class Pixels {
  private Pixels() {}

  /** Decodes a PNG, failing the test when it is not one. */
  static BufferedImage read(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("%s decodes as an image", png.getFileName()).isNotNull();
    return image;
  }

  /** Pixels within a small distance of the colour: antialiasing blends the edges of lines. */
  static int near(BufferedImage image, Color colour) {
    return near(image, colour, 0, image.getWidth());
  }

  static int near(BufferedImage image, Color colour, int fromX, int toX) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = fromX; x < toX; x++) {
        if (distance(new Color(image.getRGB(x, y)), colour) < 40) {
          n++;
        }
      }
    }
    return n;
  }

  /** Pixels that are not white: zero for a blank image. */
  static int ink(BufferedImage image) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
          n++;
        }
      }
    }
    return n;
  }

  /** Mean row of the pixels near the colour with x below toX, or NaN when there are none. */
  static double meanRow(BufferedImage image, Color colour, int toX) {
    long sum = 0;
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < toX; x++) {
        if (distance(new Color(image.getRGB(x, y)), colour) < 40) {
          sum += y;
          n++;
        }
      }
    }
    return n == 0 ? Double.NaN : (double) sum / n;
  }

  private static double distance(Color a, Color b) {
    int dr = a.getRed() - b.getRed();
    int dg = a.getGreen() - b.getGreen();
    int db = a.getBlue() - b.getBlue();
    return Math.sqrt(dr * dr + dg * dg + db * db);
  }
}
