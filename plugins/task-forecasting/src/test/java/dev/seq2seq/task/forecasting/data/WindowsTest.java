package dev.seq2seq.task.forecasting.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowsTest {
  /** Row r holds (r, 10r): column 1 is the target. */
  private static final double[][] ROWS = new double[10][];

  static {
    for (int r = 0; r < ROWS.length; r++) {
      ROWS[r] = new double[] {r, 10 * r};
    }
  }

  @Test
  void originsKeepInputsAndTargetsInsideThePart() {
    Windows w = new Windows(ROWS, 1, 3, 2);
    // Origin t reads rows t-3..t-1 and forecasts t..t+1: t from 3 to 8 over the whole series.
    assertThat(w.origins(0, 10)).containsExactly(3, 4, 5, 6, 7, 8);
    assertThat(w.origins(0, 6)).containsExactly(3, 4);
    assertThat(w.origins(6, 10)).containsExactly(6, 7, 8);
    assertThat(w.origins(9, 10)).isEmpty();
  }

  @Test
  void inputsAreRowMajorWindowsAndTargetsTheTargetColumn() {
    Windows w = new Windows(ROWS, 1, 3, 2);
    assertThat(w.inputs(new int[] {3, 5}))
        .containsExactly(0, 0, 1, 10, 2, 20, 2, 20, 3, 30, 4, 40);
    assertThat(w.targets(new int[] {3, 5})).containsExactly(30, 40, 50, 60);
  }
}
