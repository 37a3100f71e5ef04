package dev.seq2seq.train;

import dev.seq2seq.recipe.TrainConfig;
import dev.seq2seq.recipe.TrainConfig.BatchBy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which training examples form each batch of each epoch, for {@code train.batch_size}, {@code
 * batch_by} and {@code bucketing}. A pure function of the example sizes, the seed and the epoch,
 * so a task can answer {@link TaskSession#batch} for any position and resume exactly.
 *
 * <ul>
 *   <li>Bucketing: examples sorted by size (ties in a seed-chosen order) are cut into batches once,
 *       so each batch holds similar lengths and little padding; every epoch visits the batches in
 *       a new order.
 *   <li>No bucketing, by sentences: every epoch is a fresh permutation cut into equal batches.
 *   <li>No bucketing, by tokens: batches are cut once from a seeded permutation (their count must
 *       not change between epochs) and visited in a new order every epoch.
 * </ul>
 *
 * By tokens, a batch takes examples while their summed size stays within {@code batch_size}; an
 * example larger than that forms a batch of its own rather than being dropped.
 */
public final class BatchPlan {
  private final int examples;
  private final int batchSize;
  private final long seed;
  private final boolean perEpochPermutation;
  private final List<int[]> fixedBatches; // null when batches are re-cut every epoch
  private long cachedEpoch = -1;
  private int[] cachedOrder;

  private BatchPlan(int examples, int batchSize, long seed, List<int[]> fixedBatches) {
    this.examples = examples;
    this.batchSize = batchSize;
    this.seed = seed;
    this.fixedBatches = fixedBatches;
    this.perEpochPermutation = fixedBatches == null;
  }

  /** A plan as the recipe's training section asks for. */
  public static BatchPlan of(int[] sizes, TrainConfig train, long seed) {
    return of(sizes, train.batchSize(), train.batchBy(), train.bucketing(), seed);
  }

  /**
   * @param sizes each example's size in tokens (source plus target, padding excluded)
   */
  public static BatchPlan of(
      int[] sizes, int batchSize, BatchBy by, boolean bucketing, long seed) {
    if (sizes.length == 0) {
      throw new IllegalArgumentException("no training examples to batch");
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be > 0, got " + batchSize);
    }
    if (by == BatchBy.SENTENCES && !bucketing) {
      return new BatchPlan(sizes.length, batchSize, seed, null);
    }
    Integer[] order = new Integer[sizes.length];
    int[] permutation = permutation(sizes.length, new SplittableRandom(seed));
    for (int i = 0; i < order.length; i++) {
      order[i] = permutation[i];
    }
    if (bucketing) {
      // Stable sort of a seeded permutation: equal sizes keep a seed-chosen order.
      Arrays.sort(order, Comparator.comparingInt(i -> sizes[i]));
    }
    List<int[]> batches = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    long tokens = 0;
    for (int index : order) {
      long add = by == BatchBy.TOKENS ? sizes[index] : 1;
      if (!current.isEmpty() && tokens + add > batchSize) {
        batches.add(current.stream().mapToInt(Integer::intValue).toArray());
        current.clear();
        tokens = 0;
      }
      current.add(index);
      tokens += add;
    }
    batches.add(current.stream().mapToInt(Integer::intValue).toArray());
    return new BatchPlan(sizes.length, batchSize, seed, List.copyOf(batches));
  }

  public int batchesPerEpoch() {
    return perEpochPermutation ? (examples + batchSize - 1) / batchSize : fixedBatches.size();
  }

  /** The example indices of batch {@code index} of {@code epoch}. */
  public synchronized int[] batch(long epoch, long index) {
    if (index < 0 || index >= batchesPerEpoch()) {
      throw new IndexOutOfBoundsException(
          "batch " + index + " of an epoch of " + batchesPerEpoch() + " batches");
    }
    if (epoch != cachedEpoch) {
      // Mixing the epoch into the seed keeps every epoch's order independent of the others.
      SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1)));
      cachedOrder = permutation(perEpochPermutation ? examples : fixedBatches.size(), rng);
      cachedEpoch = epoch;
    }
    int i = Math.toIntExact(index);
    if (!perEpochPermutation) {
      return fixedBatches.get(cachedOrder[i]).clone();
    }
    int from = i * batchSize;
    return Arrays.copyOfRange(cachedOrder, from, Math.min(examples, from + batchSize));
  }

  /** A uniform random permutation of {@code 0..n-1} (Fisher-Yates), drawn from {@code rng}. */
  public static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
