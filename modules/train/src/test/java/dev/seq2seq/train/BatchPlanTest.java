package dev.seq2seq.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.recipe.TrainConfig.BatchBy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchPlanTest {
  static final int[] SIZES = sizes(103, 11);

  static int[] sizes(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] s = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = 2 + r.nextInt(40);
    }
    return s;
  }

  static List<int[]> epoch(BatchPlan plan, long epoch) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < plan.batchesPerEpoch(); i++) {
      out.add(plan.batch(epoch, i));
    }
    return out;
  }

  /** Every example exactly once per epoch. */
  static void assertPartition(List<int[]> batches, int n) {
    int[] all = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
    int[] expected = new int[n];
    Arrays.setAll(expected, i -> i);
    assertThat(all).containsExactly(expected);
  }

  @Test
  void sentencesWithoutBucketingReshuffleEveryEpoch() {
    BatchPlan plan = BatchPlan.of(SIZES, 10, BatchBy.SENTENCES, false, 5);
    assertThat(plan.batchesPerEpoch()).isEqualTo(11);
    List<int[]> e0 = epoch(plan, 0);
    assertPartition(e0, SIZES.length);
    assertThat(e0.subList(0, 10)).allSatisfy(b -> assertThat(b).hasSize(10));
    assertThat(e0.get(10)).hasSize(3);
    assertThat(epoch(plan, 1).get(0)).isNotEqualTo(e0.get(0));
  }

  @Test
  void bucketingGroupsSimilarLengthsAndShufflesBatchOrder() {
    BatchPlan plan = BatchPlan.of(SIZES, 8, BatchBy.SENTENCES, true, 5);
    List<int[]> e0 = epoch(plan, 0);
    assertPartition(e0, SIZES.length);
    int spread = 0;
    for (int[] b : e0) {
      int min = Arrays.stream(b).map(i -> SIZES[i]).min().orElseThrow();
      int max = Arrays.stream(b).map(i -> SIZES[i]).max().orElseThrow();
      spread = Math.max(spread, max - min);
    }
    // Random batches of 8 from sizes 2..41 would span ~30; sorted ones span a few tokens.
    assertThat(spread).isLessThanOrEqualTo(6);
    List<int[]> e1 = epoch(plan, 1);
    assertPartition(e1, SIZES.length);
    assertThat(e1.stream().map(Arrays::toString).sorted().toList())
        .isEqualTo(e0.stream().map(Arrays::toString).sorted().toList());
    assertThat(e1.stream().map(Arrays::toString).toList())
        .isNotEqualTo(e0.stream().map(Arrays::toString).toList());
  }

  @Test
  void tokenBudgetIsRespectedAndOversizedExamplesStandAlone() {
    int[] sizes = {5, 5, 5, 30, 5, 5, 12};
    for (boolean bucketing : new boolean[] {true, false}) {
      BatchPlan plan = BatchPlan.of(sizes, 12, BatchBy.TOKENS, bucketing, 3);
      List<int[]> e0 = epoch(plan, 0);
      assertPartition(e0, sizes.length);
      for (int[] b : e0) {
        int tokens = Arrays.stream(b).map(i -> sizes[i]).sum();
        assertThat(tokens <= 12 || b.length == 1).as(Arrays.toString(b)).isTrue();
      }
      assertThat(epoch(plan, 3)).hasSize(plan.batchesPerEpoch());
    }
  }

  @Test
  void samePositionSameBatchWhateverWasAskedBefore() {
    BatchPlan a = BatchPlan.of(SIZES, 10, BatchBy.SENTENCES, false, 9);
    BatchPlan b = BatchPlan.of(SIZES, 10, BatchBy.SENTENCES, false, 9);
    epoch(a, 0);
    epoch(a, 1);
    assertThat(a.batch(2, 4)).containsExactly(b.batch(2, 4));
    assertThat(a.batch(0, 7)).containsExactly(b.batch(0, 7));
  }

  @Test
  void badInputsAreRefused() {
    assertThatThrownBy(() -> BatchPlan.of(new int[0], 4, BatchBy.SENTENCES, true, 1))
        .hasMessageContaining("no training examples");
    BatchPlan plan = BatchPlan.of(SIZES, 10, BatchBy.SENTENCES, true, 1);
    assertThatThrownBy(() -> plan.batch(0, plan.batchesPerEpoch()))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
