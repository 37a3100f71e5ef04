package dev.seq2seq.nativebackend.rnn;

import static dev.seq2seq.nativebackend.rnn.RecurrentKernelsTest.assertClose;
import static dev.seq2seq.nativebackend.rnn.RecurrentKernelsTest.doubles;
import static dev.seq2seq.nativebackend.rnn.RecurrentProblem.toDouble;
import static dev.seq2seq.nativebackend.rnn.RecurrentProblem.toFloat;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.nativebackend.Parallelism;
import dev.seq2seq.nativebackend.gemm.Sgemm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A batch large enough for the step loop to split work among threads (by direction, or by
 * sequence within a direction), with lengths that leave some ranges all padded at the end:
 * the split must not change results, and those must still match the reference.
 */
class RecurrentThreadsTest {

  @ParameterizedTest
  @CsvSource({"LSTM,false", "LSTM,true", "GRU,false", "GRU,true", "RNN_TANH,false", "RNN_RELU,true"})
  void threadsDoNotChangeResults(CellType cell, boolean bi) {
    RecurrentSpec spec = new RecurrentSpec(cell, 5, 6, 2, bi);
    int batch = 20;
    int time = 4;
    int[] lengths = new int[batch];
    for (int b = 0; b < batch; b++) {
      lengths[b] = b < 10 ? (b * 7) % (time + 1) : (b < 16 ? time : 1);
    }
    RecurrentProblem p = new RecurrentProblem(spec, batch, time, lengths, true, 5 + cell.ordinal());
    float[][] one = runWith(1, p);
    float[][] two = runWith(2, p);
    for (int k = 0; k < one.length; k++) {
      if (one[k] != null) {
        // Weight gradients (k >= 6) are sums over all B*T rows, and a parallel GEMM may pick the
        // summation order by thread count; everything else is per sequence.
        double tol = k < 6 ? 1e-6 : 1e-5;
        assertClose(cell + " result " + k, toDouble(one[k]), two[k], tol, 0);
      }
    }
    ReferenceRnn.Result r =
        p.reference(toDouble(p.x), toDouble(p.h0), toDouble(p.c0), doubles(p.weights));
    assertClose(cell + " output", r.out(), two[0], 1e-5, 0);
    assertClose(cell + " hN", r.hN(), two[1], 1e-5, 0);
  }

  /** Output, hN, cN, dx, dh0, dc0, then every weight gradient. */
  private static float[][] runWith(int threads, RecurrentProblem p) {
    try (Parallelism parallelism = new Parallelism(threads)) {
      RecurrentKernels k = new RecurrentKernels(new Sgemm(parallelism), parallelism);
      RecurrentKernels.Forward f =
          k.forward(p.spec, p.x, p.batch, p.time, p.lengths, p.h0, p.c0, p.weights, true);
      RecurrentKernels.Backward g = k.backward(f, p.dOutput(), toFloat(p.rH), toFloat(p.rC));
      float[][] all = new float[6 + g.dWeights().length][];
      all[0] = f.output();
      all[1] = f.hN();
      all[2] = f.cN();
      all[3] = g.dx();
      all[4] = g.dh0();
      all[5] = g.dc0();
      System.arraycopy(g.dWeights(), 0, all, 6, g.dWeights().length);
      return all;
    }
  }
}
