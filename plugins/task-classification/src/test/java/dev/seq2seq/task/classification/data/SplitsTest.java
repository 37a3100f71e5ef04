package dev.seq2seq.task.classification.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {
  /** 60 of label 0, 40 of label 1, interleaved. */
  private static final int[] LABELS =
      IntStream.range(0, 100).map(i -> i % 5 < 3 ? 0 : 1).toArray();

  @Test
  void foldsPartitionTheDataWithLabelProportionsAndDependOnlyOnTheSeed() {
    int[] folds = Splits.folds(LABELS, 2, 7, 10);
    assertThat(folds).isEqualTo(Splits.folds(LABELS, 2, 7, 10));
    assertThat(folds).isNotEqualTo(Splits.folds(LABELS, 2, 8, 10));
    int[] tested = new int[LABELS.length];
    for (int f = 0; f < 10; f++) {
      Splits s = Splits.byFold(LABELS, 2, 7, 10, f, 0.1);
      assertThat(s.test()).hasSize(10);
      // Stratified: every fold holds 6 of label 0 and 4 of label 1.
      assertThat(Arrays.stream(s.test()).filter(i -> LABELS[i] == 0).count()).isEqualTo(6);
      // 90 left: 54 and 36, of which round(10%) = 5 and 4 validate.
      assertThat(s.validation()).hasSize(9);
      assertThat(s.train()).hasSize(81);
      int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()),
          Arrays.stream(s.validation())), Arrays.stream(s.test())).sorted().toArray();
      assertThat(all).isEqualTo(IntStream.range(0, 100).toArray());
      for (int i : s.test()) {
        tested[i]++;
      }
    }
    assertThat(tested).containsOnly(1); // every example is tested exactly once
  }

  @Test
  void fractionsAreStratifiedAndDisjoint() {
    Splits s = Splits.byFraction(LABELS, 2, 3, 0.1, 0.2);
    assertThat(s.test()).hasSize(20); // 12 + 8
    assertThat(s.validation()).hasSize(10); // 6 + 4
    assertThat(s.train()).hasSize(70);
    assertThat(Arrays.stream(s.test()).filter(i -> LABELS[i] == 1).count()).isEqualTo(8);
    assertThat(Arrays.stream(s.train()).filter(i -> Arrays.binarySearch(s.test(), i) >= 0))
        .isEmpty();
    Splits none = Splits.byFraction(LABELS, 2, 3, 0, 0);
    assertThat(none.train()).hasSize(100);
    assertThat(none.validation()).isEmpty();
    assertThat(none.test()).isEmpty();
  }
}
