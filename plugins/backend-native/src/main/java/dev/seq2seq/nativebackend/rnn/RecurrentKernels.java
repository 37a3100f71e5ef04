package dev.seq2seq.nativebackend.rnn;

import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.nativebackend.Parallelism;
import dev.seq2seq.nativebackend.gemm.Sgemm;

/**
 * Fused forward and backward passes of a stack of recurrent layers on float arrays.
 *
 * <p>Array layouts (row-major): input {@code x [B, T, I]}; output {@code [B, T, D*H]}, zero at
 * padded steps; states {@code h0, c0, hN, cN [L*D, B, H]} indexed {@code layer * D + direction};
 * weights in {@link RecurrentSpec#weightNames()} order with PyTorch layouts.
 */
public final class RecurrentKernels {
  private final Sgemm gemm;
  private final Parallelism parallelism;

  public RecurrentKernels(Sgemm gemm, Parallelism parallelism) {
    this.gemm = gemm;
    this.parallelism = parallelism;
  }

  /** What the forward pass keeps for the backward pass; opaque to callers. */
  public interface Cache {}

  /**
   * @param output {@code [B, T, D*H]}
   * @param hN {@code [L*D, B, H]}
   * @param cN {@code [L*D, B, H]} for LSTM, else null
   * @param cache activations for {@link #backward}, or null when not requested
   */
  public record Forward(float[] output, float[] hN, float[] cN, Cache cache) {}

  /**
   * @param dx {@code [B, T, I]}
   * @param dh0 {@code [L*D, B, H]}
   * @param dc0 {@code [L*D, B, H]} for LSTM, else null
   * @param dWeights one array per weight, in {@link RecurrentSpec#weightNames()} order
   */
  public record Backward(float[] dx, float[] dh0, float[] dc0, float[][] dWeights) {}

  /**
   * @param lengths per-sequence valid steps in {@code 0..T}, or null for all {@code T}
   * @param h0 initial hidden state, or null for zeros
   * @param c0 initial cell state (LSTM), or null for zeros
   * @param keepCache whether to keep what {@link #backward} needs
   */
  public Forward forward(
      RecurrentSpec spec,
      float[] x,
      int batch,
      int time,
      int[] lengths,
      float[] h0,
      float[] c0,
      float[][] weights,
      boolean keepCache) {
    throw new UnsupportedOperationException("TODO: being written");
  }

  /**
   * Back-propagation through time.
   *
   * @param dOutput gradient of the output, or null for zeros
   * @param dhN gradient of the final hidden state, or null for zeros
   * @param dcN gradient of the final cell state (LSTM), or null for zeros
   */
  public Backward backward(Forward forward, float[] dOutput, float[] dhN, float[] dcN) {
    throw new UnsupportedOperationException("TODO: being written");
  }
}
