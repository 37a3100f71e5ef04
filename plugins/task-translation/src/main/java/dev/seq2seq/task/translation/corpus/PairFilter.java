package dev.seq2seq.task.translation.corpus;

import java.util.function.ToIntFunction;

/**
 * Which pairs to keep: pairs with an empty (blank) side are always dropped; pairs longer than
 * {@code maxLength} on either side, measured by the length functions (usually token counts), too.
 */
public record PairFilter(int maxLength, ToIntFunction<String> sourceLength, ToIntFunction<String> targetLength) {

  /** Drops only empty pairs. */
  public static PairFilter emptyOnly() {
    return new PairFilter(Integer.MAX_VALUE, s -> 0, s -> 0);
  }

  /** Drops empty pairs and pairs with more than {@code maxLength} tokens on either side. */
  public static PairFilter maxTokens(int maxLength, ToIntFunction<String> sourceLength, ToIntFunction<String> targetLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
    }
    return new PairFilter(maxLength, sourceLength, targetLength);
  }
}
