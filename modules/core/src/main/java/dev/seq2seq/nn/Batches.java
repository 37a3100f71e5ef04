package dev.seq2seq.nn;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import java.util.Arrays;

/** Batch-axis helpers shared by encoders, decoders and beam search. */
public final class Batches {
  private Batches() {}

  /**
   * Selects entries along one axis: {@code out.dim(axis) == indices.length} and slice {@code k} of
   * the result is slice {@code indices[k]} of {@code x}. Differentiable (built on {@link
   * Tensor#take}, whose gradient scatters back), so it can reorder states mid-graph.
   */
  public static Tensor select(Tensor x, int axis, int[] indices) {
    int a = x.shape().axis(axis);
    int size = x.shape().dim(a);
    for (int i : indices) {
      if (i < 0 || i >= size) {
        throw new IllegalArgumentException(
            "index " + i + " out of range for axis " + a + " of " + x.shape());
      }
    }
    Tensor front = a == 0 ? x : x.transpose(0, a); // the selected axis first
    int[] dims = front.shape().dims();
    int rest = (int) (front.shape().size() / Math.max(1, size));
    Tensor ids = x.backend().ofInts(indices.clone(), indices.length);
    Tensor picked = front.reshape(size, rest).take(ids); // [K, rest]
    dims[0] = indices.length;
    Tensor shaped = picked.reshape(dims);
    return a == 0 ? shaped : shaped.transpose(0, a);
  }

  /** {@code [0,0,..,1,1,..]}: each of {@code batch} rows repeated {@code times} times in a row. */
  public static int[] repeatIndices(int batch, int times) {
    int[] out = new int[batch * times];
    for (int i = 0; i < out.length; i++) {
      out[i] = i / times;
    }
    return out;
  }

  /**
   * A FLOAT32 padding mask {@code [B, T]}: 1 where {@code t >= lengths[b]} (padding), else 0.
   */
  public static Tensor paddingMask(Backend backend, int[] lengths, int time) {
    float[] mask = new float[lengths.length * time];
    for (int b = 0; b < lengths.length; b++) {
      if (lengths[b] < 0 || lengths[b] > time) {
        throw new IllegalArgumentException(
            "length " + lengths[b] + " of sequence " + b + " outside 0.." + time);
      }
      Arrays.fill(mask, b * time + lengths[b], (b + 1) * time, 1f);
    }
    return backend.of(mask, lengths.length, time);
  }
}
