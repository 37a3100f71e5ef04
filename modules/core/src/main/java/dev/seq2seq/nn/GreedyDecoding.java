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

  /**
   * A step whose model can drop finished rows, so that they stop costing work: after {@code
   * keep(rows)}, row {@code k} of every later call is old row {@code rows[k]}.
   */
  public interface CompactingStep extends Step {
    void keep(int[] rows);
  }

  private GreedyDecoding() {}

  /**
   * @return per row the tokens before end-of-sequence (or all {@code maxSteps} tokens). With a
   *     {@link CompactingStep}, finished rows are dropped once they are a quarter of the rows
   *     still fed (a reorder costs a copy of the per-row state, so not after every step).
   */
  public static List<int[]> decode(int batch, int bos, int eos, int maxSteps, Step step) {
    int[] previous = new int[batch];
    Arrays.fill(previous, bos);
    List<List<Integer>> out = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      out.add(new ArrayList<>());
    }
    boolean[] done = new boolean[batch];
    int[] rows = new int[batch]; // the sentence each row fed to the step belongs to
    Arrays.setAll(rows, b -> b);
    int left = batch;
    for (int t = 0; t < maxSteps && left > 0; t++) {
      int[] best = step.next(previous);
      int finished = 0;
      for (int k = 0; k < rows.length; k++) {
        int b = rows[k];
        if (!done[b]) {
          if (best[k] == eos) {
            done[b] = true;
            left--;
          } else {
            out.get(b).add(best[k]);
          }
        }
        finished += done[b] ? 1 : 0;
      }
      previous = best;
      if (left > 0 && step instanceof CompactingStep compacting
          && finished >= Math.max(1, rows.length / 4)) {
        int[] keep = new int[rows.length - finished];
        int[] kept = new int[keep.length];
        int[] next = new int[keep.length];
        for (int k = 0, i = 0; k < rows.length; k++) {
          if (!done[rows[k]]) {
            keep[i] = k;
            kept[i] = rows[k];
            next[i++] = best[k];
          }
        }
        compacting.keep(keep);
        rows = kept;
        previous = next;
      }
    }
    List<int[]> result = new ArrayList<>(batch);
    for (List<Integer> tokens : out) {
      result.add(tokens.stream().mapToInt(Integer::intValue).toArray());
    }
    return result;
  }
}
