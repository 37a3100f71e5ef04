package dev.seq2seq.nativebackend.rnn;

import static dev.seq2seq.nativebackend.rnn.RecurrentProblem.toFloat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.nativebackend.Parallelism;
import dev.seq2seq.nativebackend.gemm.Sgemm;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Padding never changes a result: a sequence run alone gives the same outputs, final states and
 * gradients as in a padded batch, and adding more (NaN) padding to a batch changes nothing.
 * Two layers, bidirectional, given initial states: every path that padding could disturb.
 */
class RecurrentPaddingTest {
  private static final int[] LENGTHS = {5, 2, 0, 3};
  private static final int TIME = 5;
  /**
   * "Within 1e-6" of the contract. With the reference Sgemm everything here is bitwise equal;
   * a blocked GEMM may round a row differently depending on how many rows it is given (alone
   * vs in a batch), so only the tolerance is asserted.
   */
  private static final double TOL = 1e-6;

  private static final Parallelism PARALLELISM = new Parallelism(2);
  private static final RecurrentKernels KERNELS =
      new RecurrentKernels(new Sgemm(PARALLELISM), PARALLELISM);

  @AfterAll
  static void close() {
    PARALLELISM.close();
  }

  private record Run(RecurrentKernels.Forward f, RecurrentKernels.Backward g) {}

  private static Run run(
      RecurrentSpec spec, float[] x, int batch, int time, int[] lengths, float[] h0, float[] c0,
      float[][] w, float[] dOut, float[] dhN, float[] dcN) {
    RecurrentKernels.Forward f = KERNELS.forward(spec, x, batch, time, lengths, h0, c0, w, true);
    return new Run(f, KERNELS.backward(f, dOut, dhN, dcN));
  }

  @ParameterizedTest
  @EnumSource(CellType.class)
  void aSequenceAloneMatchesItselfInAPaddedBatch(CellType cell) {
    RecurrentSpec spec = new RecurrentSpec(cell, 3, 4, 2, true);
    int B = LENGTHS.length;
    RecurrentProblem p = new RecurrentProblem(spec, B, TIME, LENGTHS, true, 11 + cell.ordinal());
    boolean lstm = cell == CellType.LSTM;
    float[] dhN = toFloat(p.rH);
    float[] dcN = toFloat(p.rC);
    Run batch = run(spec, p.x, B, TIME, LENGTHS, p.h0, p.c0, p.weights, p.dOutput(), dhN, dcN);

    int I = spec.inputSize();
    int O = spec.outputSize();
    int S = spec.layers() * spec.directions();
    int H = spec.hiddenSize();
    float[][] weightSum = new float[p.weights.length][];
    for (int b = 0; b < B; b++) {
      int len = LENGTHS[b];
      // Sequence b alone: batch 1, no padding at all.
      float[] x = Arrays.copyOfRange(p.x, b * TIME * I, (b * TIME + len) * I);
      float[] dOut = Arrays.copyOfRange(p.dOutput(), b * TIME * O, (b * TIME + len) * O);
      Run alone =
          run(spec, x, 1, len, null, state(p.h0, S, B, H, b), state(p.c0, S, B, H, b),
              p.weights, dOut, state(dhN, S, B, H, b), state(dcN, S, B, H, b));

      String at = cell + " sequence " + b + " (length " + len + ")";
      assertSame(at + " output", alone.f.output(), 0, batch.f.output(), b * TIME * O, len * O);
      assertSame(at + " dx", alone.g.dx(), 0, batch.g.dx(), b * TIME * I, len * I);
      for (int s = 0; s < S; s++) {
        int k = (s * B + b) * H;
        assertSame(at + " hN", alone.f.hN(), s * H, batch.f.hN(), k, H);
        assertSame(at + " dh0", alone.g.dh0(), s * H, batch.g.dh0(), k, H);
        if (lstm) {
          assertSame(at + " cN", alone.f.cN(), s * H, batch.f.cN(), k, H);
          assertSame(at + " dc0", alone.g.dc0(), s * H, batch.g.dc0(), k, H);
        }
      }
      for (int k = 0; k < weightSum.length; k++) {
        float[] d = alone.g.dWeights()[k];
        weightSum[k] = weightSum[k] == null ? d.clone() : add(weightSum[k], d);
      }
    }
    // The batch's weight gradients are the sums of the sequences' own (up to summation order).
    for (int k = 0; k < weightSum.length; k++) {
      float[] d = batch.g.dWeights()[k];
      assertSame(cell + " " + spec.weightNames().get(k), weightSum[k], 0, d, 0, d.length, 1e-5);
    }
  }

  @ParameterizedTest
  @EnumSource(CellType.class)
  void morePaddingChangesNothing(CellType cell) {
    RecurrentSpec spec = new RecurrentSpec(cell, 3, 4, 2, true);
    int B = LENGTHS.length;
    int longer = TIME + 4;
    RecurrentProblem p = new RecurrentProblem(spec, B, TIME, LENGTHS, true, 23 + cell.ordinal());
    RecurrentProblem q = new RecurrentProblem(spec, B, longer, LENGTHS, true, 99);
    // q's padded inputs and output gradients are NaN; copy p's real steps into it.
    float[] dOutP = p.dOutput();
    float[] dOutQ = q.dOutput();
    int I = spec.inputSize();
    int O = spec.outputSize();
    for (int b = 0; b < B; b++) {
      System.arraycopy(p.x, b * TIME * I, q.x, b * longer * I, LENGTHS[b] * I);
      System.arraycopy(dOutP, b * TIME * O, dOutQ, b * longer * O, LENGTHS[b] * O);
    }
    float[] dhN = toFloat(p.rH);
    float[] dcN = toFloat(p.rC);
    Run short_ = run(spec, p.x, B, TIME, LENGTHS, p.h0, p.c0, p.weights, dOutP, dhN, dcN);
    Run long_ = run(spec, q.x, B, longer, LENGTHS, p.h0, p.c0, p.weights, dOutQ, dhN, dcN);

    for (int b = 0; b < B; b++) {
      String at = cell + " sequence " + b;
      assertSame(at + " output", short_.f.output(), b * TIME * O, long_.f.output(), b * longer * O, TIME * O);
      assertSame(at + " dx", short_.g.dx(), b * TIME * I, long_.g.dx(), b * longer * I, TIME * I);
      for (int i = (b * longer + TIME) * O; i < (b + 1) * longer * O; i++) {
        if (long_.f.output()[i] != 0f) {
          fail(at + ": padded output is " + long_.f.output()[i]);
        }
      }
    }
    assertSame(cell + " hN", short_.f.hN(), 0, long_.f.hN(), 0, short_.f.hN().length);
    assertSame(cell + " dh0", short_.g.dh0(), 0, long_.g.dh0(), 0, short_.g.dh0().length);
    if (cell == CellType.LSTM) {
      assertSame(cell + " cN", short_.f.cN(), 0, long_.f.cN(), 0, short_.f.cN().length);
      assertSame(cell + " dc0", short_.g.dc0(), 0, long_.g.dc0(), 0, short_.g.dc0().length);
    }
    for (int k = 0; k < p.weights.length; k++) {
      float[] d = short_.g.dWeights()[k];
      assertSame(cell + " " + spec.weightNames().get(k), d, 0, long_.g.dWeights()[k], 0, d.length);
    }
  }

  /** Row {@code b} of each of the {@code S} blocks of a {@code [S, B, H]} state, as {@code [S, 1, H]}. */
  private static float[] state(float[] a, int S, int B, int H, int b) {
    if (a == null) {
      return null;
    }
    float[] out = new float[S * H];
    for (int s = 0; s < S; s++) {
      System.arraycopy(a, (s * B + b) * H, out, s * H, H);
    }
    return out;
  }

  private static float[] add(float[] a, float[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
    return a;
  }

  private static void assertSame(String what, float[] a, int aOff, float[] b, int bOff, int n) {
    assertSame(what, a, aOff, b, bOff, n, TOL);
  }

  private static void assertSame(
      String what, float[] a, int aOff, float[] b, int bOff, int n, double rel) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      if (!(Math.abs(x - y) <= rel * Math.max(1, Math.max(Math.abs(x), Math.abs(y))))) {
        fail(what + "[" + i + "]: " + x + " vs " + y);
      }
    }
  }
}
