package dev.seq2seq.task.classification.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionTest {

  /**
   * Three labels, ten examples. By hand: confusion rows (true) a: [3,1,0], b: [1,2,1], c: [0,0,2];
   * accuracy 7/10; F1 a = 6/(6+1+1) = 0.75, b = 4/(4+1+2) = 4/7, c = 4/(4+1+0) = 0.8; macro-F1 =
   * (0.75 + 4/7 + 0.8) / 3.
   */
  @Test
  void threeLabelsByHand() {
    int[] gold = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2};
    int[] pred = {0, 0, 0, 1, 0, 1, 1, 2, 2, 2};
    Confusion c = Confusion.of(List.of("a", "b", "c"), gold, pred);
    assertThat(c.count(0, 0)).isEqualTo(3);
    assertThat(c.count(0, 1)).isEqualTo(1);
    assertThat(c.count(1, 0)).isEqualTo(1);
    assertThat(c.count(1, 2)).isEqualTo(1);
    assertThat(c.count(2, 2)).isEqualTo(2);
    assertThat(c.accuracy()).isEqualTo(0.7);
    assertThat(c.f1(0)).isCloseTo(0.75, within(1e-12));
    assertThat(c.f1(1)).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(c.f1(2)).isCloseTo(0.8, within(1e-12));
    assertThat(c.precision(1)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(c.recall(1)).isCloseTo(0.5, within(1e-12));
    assertThat(c.macroF1()).isCloseTo((0.75 + 4.0 / 7 + 0.8) / 3, within(1e-12));
    assertThat(c.flat()).containsEntry("confusion.a.b", 1.0).containsEntry("confusion.c.c", 2.0)
        .hasSize(9);
    assertThat(c.table()).contains("true\\pred").contains("a").contains("     3");
  }

  /**
   * Always predicting "pos" on 3 pos / 1 neg: accuracy 0.75; F1 pos = 6/(6+1) = 6/7, F1 neg = 0
   * (no true positive); macro-F1 = 3/7.
   */
  @Test
  void aLabelNeverPredictedHasF1Zero() {
    Confusion c = Confusion.of(List.of("neg", "pos"), new int[] {1, 1, 1, 0}, new int[] {1, 1, 1, 1});
    assertThat(c.accuracy()).isEqualTo(0.75);
    assertThat(c.f1(0)).isZero();
    assertThat(c.macroF1()).isCloseTo(3.0 / 7, within(1e-12));
  }

  /** A label that is neither true nor predicted is left out of the macro average. */
  @Test
  void absentLabelsDoNotCount() {
    Confusion c = Confusion.of(List.of("x", "y", "z"), new int[] {0, 1}, new int[] {0, 1});
    assertThat(c.macroF1()).isEqualTo(1.0);
    assertThat(new Confusion(List.of("x", "y")).accuracy()).isNaN();
  }

  @Test
  void foldsAddUp() {
    Confusion a = Confusion.of(List.of("n", "p"), new int[] {0, 1}, new int[] {0, 0});
    Confusion b = Confusion.of(List.of("n", "p"), new int[] {1, 1}, new int[] {1, 1});
    a.addAll(b);
    assertThat(a.total()).isEqualTo(4);
    assertThat(a.count(1, 0)).isEqualTo(1);
    assertThat(a.count(1, 1)).isEqualTo(2);
    assertThat(a.accuracy()).isEqualTo(0.75);
  }
}
