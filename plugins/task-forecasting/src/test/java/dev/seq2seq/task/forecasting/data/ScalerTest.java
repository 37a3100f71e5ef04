package dev.seq2seq.task.forecasting.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScalerTest {
  private static final double[][] ROWS = {{1, 10, 5}, {2, 10, 5}, {3, 40, 5}, {6, 20, 5}};

  @Test
  void standardScalingUsesTheMeanAndPopulationDeviation() {
    Scaler s = Scaler.fit(Scaling.STANDARD, ROWS);
    // Column 0: mean 3, squares 4+1+0+9 = 14, variance 3.5. Column 1: mean 20, variance 150.
    assertThat(s.centre()).containsExactly(3, 20, 5);
    assertThat(s.scale()[0]).isCloseTo(Math.sqrt(3.5), within(1e-12));
    assertThat(s.scale()[1]).isCloseTo(Math.sqrt(150), within(1e-12));
    assertThat(s.scale()[2]).isEqualTo(1.0); // a constant column is centred, not divided by 0
    assertThat(s.apply(6, 0)).isCloseTo(3 / Math.sqrt(3.5), within(1e-12));
    assertThat(s.invert(s.apply(6, 0), 0)).isCloseTo(6, within(1e-12));
  }

  @Test
  void minMaxScalingMapsTheFittedRangeToZeroOne() {
    Scaler s = Scaler.fit(Scaling.MINMAX, ROWS);
    assertThat(s.centre()).containsExactly(1, 10, 5);
    assertThat(s.scale()).containsExactly(5, 30, 1);
    double[][] scaled = s.apply(ROWS);
    assertThat(scaled[0]).containsExactly(0, 0, 0);
    assertThat(scaled[3]).containsExactly(1, 1.0 / 3, 0);
    // Values outside the fitted (training) range go outside [0, 1]: nothing is refitted.
    assertThat(s.apply(11, 0)).isEqualTo(2.0);
  }

  @Test
  void noScalingKeepsValues() {
    Scaler s = Scaler.fit(Scaling.NONE, ROWS);
    assertThat(s.apply(ROWS)).isDeepEqualTo(ROWS);
  }
}
