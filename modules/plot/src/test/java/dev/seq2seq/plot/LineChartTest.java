package dev.seq2seq.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {
  @TempDir Path dir;

  static double[] range(int from, int to) {
    return IntStream.range(from, to).asDoubleStream().toArray();
  }

  @Test
  void writesEachSeriesInItsOwnColour() throws Exception {
    double[] t = range(0, 100);
    double[] sine = IntStream.range(0, 100).mapToDouble(i -> Math.sin(i / 10.0)).toArray();
    double[] future = range(100, 120);
    double[] forecast = IntStream.range(0, 20).mapToDouble(i -> 0.5).toArray();
    Path png = dir.resolve("nested/forecast.png");

    LineChart.of("Forecast", "t", "value")
        .withSize(600, 400)
        .with("history", t, sine)
        .with("forecast", future, forecast)
        .write(png);

    BufferedImage image = Pixels.read(png);
    assertThat(image.getWidth()).isEqualTo(600);
    assertThat(image.getHeight()).isEqualTo(400);
    // Far more than the legend's swatches: the curves themselves are drawn.
    assertThat(Pixels.near(image, Charts.colour(0))).isGreaterThan(300);
    assertThat(Pixels.near(image, Charts.colour(1))).isGreaterThan(100);
    assertThat(Pixels.near(image, Charts.colour(2))).isZero();
    try (var files = Files.list(png.getParent())) {
      assertThat(files).as("no temporary file is left behind").containsExactly(png);
    }
  }

  @Test
  void aSinglePointStillShows() {
    BufferedImage image =
        LineChart.of("one", "x", "y").withSize(300, 200).with("p", new double[] {1}, new double[] {2})
            .render();
    assertThat(Pixels.near(image, Charts.colour(0))).isGreaterThan(10);
  }

  @Test
  void nonFiniteValuesAreGapsNotErrors() {
    double[] y = {1, 2, Double.NaN, 4, Double.POSITIVE_INFINITY, 6};
    BufferedImage image = LineChart.of("gaps", "x", "y").with("s", range(0, 6), y).render();
    assertThat(Pixels.near(image, Charts.colour(0))).isGreaterThan(50);
  }

  @Test
  void aSeriesWithNoFiniteValueDrawsAnEmptyPlot() {
    double[] y = {Double.NaN, Double.NEGATIVE_INFINITY};
    BufferedImage image = LineChart.of("diverged", "x", "y").with("s", range(0, 2), y).render();
    assertThat(Pixels.ink(image)).as("axes and title are drawn").isGreaterThan(100);
  }

  @Test
  void autoScaleIsLogOnlyForPositiveDataOverTwoDecades() {
    LineChart chart = LineChart.of("t", "x", "y");
    assertThat(chart.with("s", range(0, 3), new double[] {10, 1, 0.05}).logY()).isTrue();
    assertThat(chart.with("s", range(0, 3), new double[] {10, 1, 0.5}).logY()).isFalse();
    assertThat(chart.with("s", range(0, 3), new double[] {10, 0, 0.001}).logY()).isFalse();
    assertThat(chart.with("s", range(0, 3), new double[] {10, Double.NaN, 0.01}).logY()).isTrue();
    assertThat(
            chart.withYScale(LineChart.Scale.LINEAR)
                .with("s", range(0, 3), new double[] {10, 1, 0.001})
                .logY())
        .isFalse();
  }

  @Test
  void chartsAreImmutable() {
    LineChart empty = LineChart.of("t", "x", "y");
    LineChart one = empty.with("a", range(0, 2), range(0, 2));
    assertThat(empty.series()).isEmpty();
    assertThat(one.series()).hasSize(1);
    double[] x = range(0, 2);
    Series s = new Series("s", x, x);
    x[0] = 42;
    assertThat(s.x()[0]).isZero();
    s.y()[0] = 42;
    assertThat(s.y()[0]).isZero();
  }

  @Test
  void rejectsWhatCannotBeDrawn() {
    LineChart chart = LineChart.of("t", "x", "y");
    assertThatThrownBy(() -> new Series("s", range(0, 3), range(0, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 x values but 2 y values");
    assertThatThrownBy(() -> new Series("s", new double[0], new double[0]))
        .hasMessageContaining("no points");
    assertThatThrownBy(() -> chart.with("a", range(0, 2), range(0, 2)).with("a", range(0, 2), range(0, 2)))
        .hasMessageContaining("already has series 'a'");
    assertThatThrownBy(() -> chart.write(dir.resolve("x.png")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no series");
    assertThatThrownBy(
            () -> chart.withYScale(LineChart.Scale.LOG).with("a", range(0, 2), range(0, 2)).render())
        .hasMessageContaining("log axis");
    assertThat(dir.resolve("x.png")).doesNotExist();
  }
}
