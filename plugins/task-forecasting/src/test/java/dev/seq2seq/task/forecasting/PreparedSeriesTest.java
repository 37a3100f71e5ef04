package dev.seq2seq.task.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.task.forecasting.data.Scaling;
import dev.seq2seq.task.forecasting.data.SeriesCsv;
import dev.seq2seq.task.forecasting.data.TimeSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sunspots recipe's split, windows and scaling, counted by hand. */
class PreparedSeriesTest {
  @TempDir static Path cache;
  static TimeSeries sunspots;

  @BeforeAll
  static void read() throws IOException {
    sunspots = SeriesCsv.read(Sunspots.csv(cache), "Month", List.of("Sunspots"));
  }

  static ForecastDataConfig config(int inputLength, int horizon, String testFrom,
      double testFraction, double validationFraction, int season) {
    return new ForecastDataConfig("", "unused.csv", "Month", List.of("Sunspots"), "",
        inputLength, horizon, testFrom, testFraction, validationFraction, Scaling.STANDARD, season);
  }

  @Test
  void splitsTheRecipeByDateAndFitsTheScalingOnTrainingRowsOnly() {
    PreparedSeries p = PreparedSeries.split(config(132, 12, "1951-01", 0, 0.1, 132), sunspots, null);
    // 1749-01 .. 1950-12 is 202 years of 12 months; the validation part is round(0.1 * 2424).
    assertThat(p.testStart()).isEqualTo(2424);
    assertThat(sunspots.times().get(p.testStart())).isEqualTo("1951-01");
    assertThat(p.validationStart()).isEqualTo(2424 - 242);
    // Training origins 132 .. 2182-12; validation 2182 .. 2424-12; test 2424 .. 2820-12.
    assertThat(p.trainOrigins()).hasSize(2170 - 132 + 1).startsWith(132).endsWith(2170);
    assertThat(p.validationOrigins()).hasSize(2412 - 2182 + 1).startsWith(2182).endsWith(2412);
    assertThat(p.testOrigins()).hasSize(2808 - 2424 + 1).startsWith(2424).endsWith(2808);
    double[] y = sunspots.column(0);
    double sum = 0;
    for (int i = 0; i < 2182; i++) {
      sum += y[i];
    }
    assertThat(p.info().scaler().centre()[0]).isCloseTo(sum / 2182, within(1e-9));
    assertThat(p.info().target()).isEqualTo("Sunspots");
  }

  @Test
  void splitsByFraction() {
    PreparedSeries p = PreparedSeries.split(config(12, 6, "", 0.25, 0.2, 12), sunspots, null);
    assertThat(p.testStart()).isEqualTo(2820 - 705);
    assertThat(p.validationStart()).isEqualTo(2115 - 423);
  }

  @Test
  void unusableSplitsSayWhy() {
    assertThatThrownBy(() -> PreparedSeries.split(config(12, 6, "1990-01", 0, 0.1, 12), sunspots, null))
        .hasMessageContaining("no rows at or after data.test_from '1990-01' (its last time is '1983-12')");
    assertThatThrownBy(() -> PreparedSeries.split(config(12, 6, "1749-01", 0, 0.1, 12), sunspots, null))
        .hasMessageContaining("leaves 0 rows before the test part");
    // Four test rows cannot hold a 6-month horizon.
    assertThatThrownBy(() -> PreparedSeries.split(config(12, 6, "1983-09", 0, 0.1, 12), sunspots, null))
        .hasMessageContaining("the test part (4 rows) holds no complete window");
    ForecastDataConfig badTarget = new ForecastDataConfig("", "x.csv", "Month", List.of(),
        "Sunspot", 12, 6, "", 0.2, 0.1, Scaling.STANDARD, 12);
    assertThatThrownBy(() -> PreparedSeries.split(badTarget, sunspots, null))
        .hasMessageContaining("data.target 'Sunspot' is not a value column");
  }
}
