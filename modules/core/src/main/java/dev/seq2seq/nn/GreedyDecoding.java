package dev.seq2seq.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bookkeeping of batched greedy decoding, shared by every decoder: feed each row's previous
 * token, collect tokens until the row emits end-of-sequence, stop when all rows are done or after
 * {@code maxSteps}. The model supplies one step; this class never touches a tensor.
 */
public final class GreedyDecoding {

  /** One decoder step: the previous token of each row in, the chosen next token of each row out. */
  @FunctionalInterface
  public interface Step {
    int[] next(int[] previous);
  }

  private GreedyDecoding() {}

  /** @return per row the tokens before end-of-sequence (or all {@code maxSteps} tokens) */
  public static List<int[]> decode(int batch, int bos, int eos, int maxSteps, Step step) {
    int[] previous = new int[batch];
    Arrays.fill(previous, bos);
    List<List<Integer>> out = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      out.add(new ArrayList<>());
    }
    boolean[] done = new boolean[batch];
    for (int t = 0; t < maxSteps; t++) {
      int[] best = step.next(previous);
      boolean all = true;
      for (int b = 0; b < batch; b++) {
        if (!done[b]) {
          if (best[b] == eos) {
            done[b] = true;
          } else {
            out.get(b).add(best[b]);
          }
        }
        all &= done[b];
      }
      if (all) {
        break;
      }
      previous = best;
    }
    List<int[]> result = new ArrayList<>(batch);
    for (List<Integer> tokens : out) {
      result.add(tokens.stream().mapToInt(Integer::intValue).toArray());
    }
    return result;
  }
}
