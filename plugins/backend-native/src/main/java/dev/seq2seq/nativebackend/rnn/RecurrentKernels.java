package dev.seq2seq.nativebackend.rnn;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.nativebackend.Parallelism;
import dev.seq2seq.nativebackend.gemm.PackedB;
import dev.seq2seq.nativebackend.gemm.Sgemm;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Fused forward and backward passes of a stack of recurrent layers on float arrays.
 *
 * <p>Array layouts (row-major): input {@code x [B, T, I]}; output {@code [B, T, D*H]}, zero at
 * padded steps; states {@code h0, c0, hN, cN [L*D, B, H]} indexed {@code layer * D + direction};
 * weights in {@link RecurrentSpec#weightNames()} order with PyTorch layouts.
 *
 * <p>Per layer and direction the work is: one GEMM for the input projection of all {@code B*T}
 * rows; per step one {@code [B, H] x [H, G*H]} GEMM and the cell's element-wise math ({@link
 * StepLoop}); in backward, per step the element-wise gate gradients and one {@code [B, G*H] x
 * [G*H, H]} GEMM, then one GEMM each for {@code dW_ih}, {@code dW_hh} and the input gradient
 * over all steps, using the gate gradients stored for every step.
 *
 * <p>Padding: step {@code t} of sequence {@code b} runs only when {@code t < lengths[b]}; the
 * reverse direction therefore starts at {@code lengths[b]-1}. Padded steps write nothing, keep
 * the state, and have zero gate gradients; padded input rows are zeroed before the GEMMs that
 * span all rows, so even NaN padding cannot leak in through {@code 0 * NaN}.
 *
 * <p>The cache refers to {@code x} and the weights rather than copying them: leave them unchanged
 * until {@link #backward} has run. One cache supports one backward at a time.
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
   * @param dWeights one array per weight, in {@link RecurrentSpec#weightNames()} order; null
   *     where {@code factors} has the weight instead
   * @param factors per weight, its gradient's factors when they were asked for, else null
   */
  public record Backward(
      float[] dx, float[] dh0, float[] dc0, float[][] dWeights, Factors[] factors) {}

  /**
   * A weight gradient left as its two factors, {@code dW [n, k] = g^T x} with {@code g [rows, n]}
   * and {@code x [rows, k]}, for the caller to sum with the same weight's other contributions (a
   * decoder cell runs one step per call). Its {@code dWeights} slot is then null.
   */
  public record Factors(float[] g, float[] x, int rows, int n, int k) {}

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
    return forward(spec, x, batch, time, lengths, h0, c0, weights, null, keepCache);
  }

  /**
   * {@link #forward} with each weight's transpose available pre-packed ({@code packed.apply(i)}
   * for {@code weights[i]}, asked for only when a step has few sequences), or null.
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
      IntFunction<PackedB> packed,
      boolean keepCache) {
    Shapes.checkForward(spec, x, batch, time, lengths, h0, c0, weights);
    int[] lens = lengths == null ? full(batch, time) : lengths.clone();
    final int L = spec.layers();
    final int D = spec.directions();
    final int H = spec.hiddenSize();
    final int stateSize = batch * H;
    boolean lstm = spec.cell() == CellType.LSTM;
    Cell cell = cellOf(spec.cell());

    float[] hN = new float[L * D * stateSize];
    float[] cN = lstm ? new float[L * D * stateSize] : null;
    DirectionRun[][] runs = new DirectionRun[L][D];
    float[] input = zeroPadding(x, batch, time, spec.inputSize(), lens);
    float[] output = null;
    for (int l = 0; l < L; l++) {
      output = new float[batch * time * spec.outputSize()];
      for (int d = 0; d < D; d++) {
        DirectionRun run =
            new DirectionRun(
                spec.cell(), d == 1, batch, time, H, spec.layerInputSize(l), lens, weights,
                (l * D + d) * 4, input, output, spec.outputSize(), d * H, keepCache, packed);
        int s = (l * D + d) * stateSize;
        if (h0 != null) {
          System.arraycopy(h0, s, run.h, 0, stateSize);
        }
        if (lstm && c0 != null) {
          System.arraycopy(c0, s, run.c, 0, stateSize);
        }
        runs[l][d] = run;
      }
      DirectionRun[] layer = runs[l];
      // Few sequences (one recording): StepLoop would give each thread one direction whole
      // anyway, so that thread runs its direction's time loop right after projecting its input.
      // The gates it projects stay in its cache, and the threads meet once per layer, not twice.
      boolean directionPerThread = D == 2 && batch <= StepLoop.ROW_GRAIN;
      parallelism.forRange(D, 1, (d0, d1) -> {
        for (int d = d0; d < d1; d++) {
          project(layer[d]);
          if (directionPerThread) {
            StepLoop.forward(new DirectionRun[] {layer[d]}, cell, gemm, parallelism);
          }
        }
      });
      if (!directionPerThread) {
        StepLoop.forward(layer, cell, gemm, parallelism);
      }
      for (int d = 0; d < D; d++) {
        int s = (l * D + d) * stateSize;
        System.arraycopy(layer[d].h, 0, hN, s, stateSize);
        if (lstm) {
          System.arraycopy(layer[d].c, 0, cN, s, stateSize);
        }
      }
      input = output;
    }
    Cache cache = keepCache ? new RecurrentTape(spec, batch, time, lens, runs) : null;
    return new Forward(output, hN, cN, cache);
  }

  /**
   * Back-propagation through time.
   *
   * @param dOutput gradient of the output, or null for zeros
   * @param dhN gradient of the final hidden state, or null for zeros
   * @param dcN gradient of the final cell state (LSTM), or null for zeros
   */
  public Backward backward(Forward forward, float[] dOutput, float[] dhN, float[] dcN) {
    return backward(forward, dOutput, dhN, dcN, 0);
  }

  /**
   * {@link #backward}, with the weight matrices' gradients of any direction spanning at most
   * {@code factorRows} rows ({@code B * T}) returned as {@link Factors} instead of computed.
   */
  public Backward backward(
      Forward forward, float[] dOutput, float[] dhN, float[] dcN, int factorRows) {
    if (!(forward.cache() instanceof RecurrentTape tape)) {
      throw new IllegalStateException("backward needs a forward pass run with keepCache = true");
    }
    RecurrentSpec spec = tape.spec;
    final int B = tape.batch;
    final int T = tape.time;
    final int L = spec.layers();
    final int D = spec.directions();
    final int H = spec.hiddenSize();
    final int stateSize = B * H;
    boolean lstm = spec.cell() == CellType.LSTM;
    Shapes.checkBackward(spec, B, T, dOutput, dhN, dcN);
    Cell cell = cellOf(spec.cell());

    float[] dh0 = new float[L * D * stateSize];
    float[] dc0 = lstm ? new float[L * D * stateSize] : null;
    float[][] dWeights = new float[4 * L * D][];
    Factors[] factors = new Factors[4 * L * D];
    float[] dLayerOutput = dOutput; // gradient of the current layer's output, null = zero
    for (int l = L - 1; l >= 0; l--) {
      DirectionRun[] layer = tape.runs[l];
      for (int d = 0; d < D; d++) {
        DirectionRun run = layer[d];
        run.beginBackward(dLayerOutput);
        int s = (l * D + d) * stateSize;
        if (dhN != null) {
          System.arraycopy(dhN, s, run.dh, 0, stateSize);
        }
        if (lstm && dcN != null) {
          System.arraycopy(dcN, s, run.dc, 0, stateSize);
        }
      }
      StepLoop.backward(layer, cell, gemm, parallelism);

      // Everything below spans all steps at once: one GEMM per weight and per input gradient.
      final int inSize = spec.layerInputSize(l);
      float[][] dInputs = new float[D][];
      final int layerIndex = l;
      parallelism.forRange(D, 1, (d0, d1) -> {
        for (int d = d0; d < d1; d++) {
          int w = (layerIndex * D + d) * 4;
          weightGradients(layer[d], dWeights, factors, w, factorRows);
          dInputs[d] = inputGradient(layer[d], inSize);
        }
      });
      float[] dInput = dInputs[0];
      for (int d = 1; d < D; d++) {
        float[] other = dInputs[d];
        for (int i = 0; i < dInput.length; i++) {
          dInput[i] += other[i];
        }
      }
      for (int d = 0; d < D; d++) {
        int s = (l * D + d) * stateSize;
        System.arraycopy(layer[d].dh, 0, dh0, s, stateSize);
        if (lstm) {
          System.arraycopy(layer[d].dc, 0, dc0, s, stateSize);
        }
        layer[d].endBackward();
      }
      dLayerOutput = dInput;
    }
    return new Backward(dLayerOutput, dh0, dc0, dWeights, factors);
  }

  /** {@code gates = input W_ih^T + b_ih}: [B*T, In] x [In, G*H] -> [B*T, G*H]. */
  private void project(DirectionRun run) {
    int rows = run.batch * run.time;
    int gw = run.gateWidth;
    int in = run.inputSize;
    if (run.packedIh != null && rows <= Sgemm.PACKED_MAX_ROWS) {
      gemm.multiplyPacked(rows, gw, in, run.input, 0, in, run.wIh, run.packedIh.get(), 0f,
          run.gates, 0, gw);
    } else {
      gemm.multiply(
          false, true, rows, gw, in, 1f, run.input, 0, in, run.wIh, 0, in, 0f, run.gates, 0, gw);
    }
    float[] g = run.gates;
    float[] bias = run.bIh;
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < gw; j++) {
        g[r * gw + j] += bias[j];
      }
    }
  }

  /**
   * Weight gradients of one direction, summed over all steps:
   *
   * <pre>
   *   dW_ih = dGatesX^T input   [G*H, B*T] x [B*T, In]  -> [G*H, In]
   *   dW_hh = dGatesH^T hPrev   [G*H, B*T] x [B*T, H]   -> [G*H, H]
   *   db_ih = column sums of dGatesX,  db_hh = column sums of dGatesH
   * </pre>
   */
  private void weightGradients(
      DirectionRun run, float[][] dWeights, Factors[] factors, int w, int factorRows) {
    int rows = run.batch * run.time;
    int gw = run.gateWidth;
    int in = run.inputSize;
    int H = run.hidden;
    if (rows > 0 && rows <= factorRows) {
      factors[w] = new Factors(run.dGatesX, run.input, rows, gw, in);
      factors[w + 1] = new Factors(run.dGatesH, run.hPrev, rows, gw, H);
    } else {
      float[] dWih = new float[gw * in];
      float[] dWhh = new float[gw * H];
      gemm.multiply(
          true, false, gw, in, rows, 1f, run.dGatesX, 0, gw, run.input, 0, in, 0f, dWih, 0, in);
      gemm.multiply(
          true, false, gw, H, rows, 1f, run.dGatesH, 0, gw, run.hPrev, 0, H, 0f, dWhh, 0, H);
      dWeights[w] = dWih;
      dWeights[w + 1] = dWhh;
    }
    dWeights[w + 2] = columnSums(run.dGatesX, rows, gw);
    // Except for GRU the two sides share one pre-activation gradient, so db_hh = db_ih.
    dWeights[w + 3] =
        run.dGatesX == run.dGatesH
            ? dWeights[w + 2].clone()
            : columnSums(run.dGatesH, rows, gw);
  }

  /** {@code dInput = dGatesX W_ih}: [B*T, G*H] x [G*H, In] -> [B*T, In]. */
  private float[] inputGradient(DirectionRun run, int inSize) {
    int rows = run.batch * run.time;
    int gw = run.gateWidth;
    float[] dIn = new float[rows * inSize];
    gemm.multiply(
        false, false, rows, inSize, gw, 1f, run.dGatesX, 0, gw, run.wIh, 0, inSize, 0f, dIn, 0,
        inSize);
    return dIn;
  }

  private static float[] columnSums(float[] a, int rows, int cols) {
    float[] sums = new float[cols];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < cols; j++) {
        sums[j] += a[r * cols + j];
      }
    }
    return sums;
  }

  /** A copy of {@code x} with padded steps zeroed, or {@code x} itself when nothing is padded. */
  private static float[] zeroPadding(float[] x, int batch, int time, int in, int[] lengths) {
    boolean padded = false;
    for (int len : lengths) {
      padded |= len < time;
    }
    if (!padded) {
      return x;
    }
    float[] copy = x.clone();
    for (int b = 0; b < batch; b++) {
      Arrays.fill(copy, (b * time + lengths[b]) * in, (b + 1) * time * in, 0f);
    }
    return copy;
  }

  private static int[] full(int batch, int time) {
    int[] lengths = new int[batch];
    Arrays.fill(lengths, time);
    return lengths;
  }

  private static Cell cellOf(CellType type) {
    return switch (type) {
      case LSTM -> new LstmCell();
      case GRU -> new GruCell();
      case RNN_TANH -> new SimpleRnnCell(false);
      case RNN_RELU -> new SimpleRnnCell(true);
    };
  }
}
