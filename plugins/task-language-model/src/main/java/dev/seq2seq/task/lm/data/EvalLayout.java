package dev.seq2seq.task.lm.data;

import java.util.ArrayList;
import java.util.List;

/**
 * How a held-out text is scored: every one of its {@code n - 1} predictions exactly once. The text
 * is cut into {@code streams} contiguous streams whose lengths differ by at most one (the first
 * {@code (n - 1) mod streams} are one longer), read side by side in blocks of {@code steps}; the
 * state is carried from block to block, and each stream starts from a zero state. Shorter
 * streams are padded in the last block.
 */
public final class EvalLayout {
  private EvalLayout() {}

  public static List<Window> blocks(int[] ids, int streams, int steps) {
    int predictions = ids.length - 1;
    if (predictions < 1) {
      throw new IllegalArgumentException("a held-out text needs at least 2 tokens, got " + ids.length);
    }
    int s = Math.min(streams, predictions);
    int base = predictions / s;
    int extra = predictions % s;
    int[] start = new int[s];
    int[] length = new int[s];
    for (int i = 0, at = 0; i < s; i++) {
      start[i] = at;
      length[i] = base + (i < extra ? 1 : 0);
      at += length[i];
    }
    List<Window> blocks = new ArrayList<>();
    int longest = length[0];
    for (int from = 0; from < longest; from += steps) {
      int width = Math.min(steps, longest - from);
      int[] inputs = new int[s * width];
      int[] targets = new int[s * width];
      int[] lengths = new int[s];
      boolean full = true;
      for (int i = 0; i < s; i++) {
        lengths[i] = Math.max(0, Math.min(width, length[i] - from));
        full &= lengths[i] == width;
        System.arraycopy(ids, start[i] + from, inputs, i * width, lengths[i]);
        System.arraycopy(ids, start[i] + from + 1, targets, i * width, lengths[i]);
      }
      blocks.add(new Window(s, width, inputs, targets, full ? null : lengths));
    }
    return blocks;
  }
}
