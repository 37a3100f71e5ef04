package dev.seq2seq.task.forecasting.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void rmseAndMaePoolTheFirstKLeadsOfEveryWindow() {
    ForecastErrors e = new ForecastErrors(3);
    e.add(new double[] {1, 2, 3}, new double[] {2, 2, 7});   // errors -1, 0, -4
    e.add(new double[] {0, 5, 1}, new double[] {3, 4, 1});   // errors -3, 1, 0
    assertThat(e.windows()).isEqualTo(2);
    // Lead 1: errors -1, -3 -> RMSE sqrt(10/2), MAE 2.
    assertThat(e.rmse(1)).isCloseTo(Math.sqrt(5), within(1e-12));
    assertThat(e.mae(1)).isEqualTo(2.0);
    // Leads 1-3: squares 1+0+16+9+1+0 = 27 over 6; absolutes 1+0+4+3+1+0 = 9 over 6.
    assertThat(e.rmse(3)).isCloseTo(Math.sqrt(4.5), within(1e-12));
    assertThat(e.mae(3)).isEqualTo(1.5);
    assertThatThrownBy(() -> e.rmse(4)).hasMessageContaining("lead 4 is outside 1..3");
    assertThat(new ForecastErrors(2).rmse(1)).isNaN();
  }

  @Test
  void naiveRepeatsTheLastValue() {
    double[] y = {5, 7, 9, 4};
    assertThat(Baselines.naive(y, 3, 3)).containsExactly(9, 9, 9);
    assertThat(Baselines.naive(y, 4, 2)).containsExactly(4, 4);
    assertThatThrownBy(() -> Baselines.naive(y, 0, 1)).hasMessageContaining("needs a row before it");
  }

  @Test
  void seasonalNaiveRepeatsTheLastValueOfTheSamePhase() {
    //            0  1  2  3  4  5  6
    double[] y = {1, 2, 3, 4, 5, 6, 7};
    // Season 3 from row 6: leads 1..3 repeat rows 3,4,5; leads 4..5 repeat them again.
    assertThat(Baselines.seasonal(y, 6, 5, 3)).containsExactly(4, 5, 6, 4, 5);
    // Season 1 is the naive forecast.
    assertThat(Baselines.seasonal(y, 5, 3, 1)).containsExactly(5, 5, 5);
    assertThatThrownBy(() -> Baselines.seasonal(y, 2, 1, 3)).hasMessageContaining("needs a full season");
  }
}
