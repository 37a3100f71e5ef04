package dev.seq2seq.task.translation.model;

import dev.seq2seq.backend.Tensor;
import java.util.Arrays;

/** Attention weights from the device to per-row host arrays, cut to each row's source length. */
final class Attentions {
  private Attentions() {}

  /** {@code weights [B, T]} → {@code [B][lengths[b]]}; null when there are none yet. */
  static float[][] rows(Tensor weights, int[] lengths) {
    if (weights == null) {
      return null;
    }
    int time = weights.shape().dim(1);
    float[] flat = weights.toFloatArray();
    float[][] out = new float[lengths.length][];
    for (int b = 0; b < lengths.length; b++) {
      out[b] = Arrays.copyOfRange(flat, b * time, b * time + lengths[b]);
    }
    return out;
  }
}
