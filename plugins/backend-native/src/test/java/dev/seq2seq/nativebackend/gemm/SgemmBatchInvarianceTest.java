package dev.seq2seq.nativebackend.gemm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.nativebackend.Parallelism;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A row of C must not depend on how many other rows are computed with it, nor on the thread
 * split: decoding a sentence alone and in a batch of 64 then gives the same bits. Every path (the
 * skinny kernels up to 16 rows, the packed ones beyond, either operand transposed, one or two
 * threads) must therefore reduce each element in the same order.
 */
class SgemmBatchInvarianceTest {
  private static final Parallelism ONE = new Parallelism(1);
  private static final Parallelism TWO = new Parallelism(2);

  @AfterAll
  static void shutDown() {
    ONE.close();
    TWO.close();
  }

  private static float[] random(SplittableRandom rnd, int size) {
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = (float) rnd.nextGaussian();
    }
    return x;
  }

  /** Row {@code row} of {@code op(A[rows of m]) op(B)}, where A's first rows are shared. */
  private static float[] firstRows(Sgemm gemm, boolean transA, boolean transB, float[] aAll,
      int mAll, int m, float[] b, int n, int k, float alpha, float beta, float[] c0) {
    // op(A) is the first m rows of a [mAll, k] matrix; stored transposed it is [k, mAll] and
    // the m rows are its first m columns (lda = mAll).
    float[] c = new float[m * n];
    System.arraycopy(c0, 0, c, 0, m * n);
    int lda = transA ? mAll : k;
    gemm.multiply(transA, transB, m, n, k, alpha, aAll, 0, lda, b, 0, transB ? k : n, beta, c, 0,
        n);
    return c;
  }

  @Test
  void everyRowIsBitIdenticalWhateverTheRowCountAndThreads() {
    SplittableRandom rnd = new SplittableRandom(7);
    int mAll = 70;
    // n = 1 is attention's v · tanh(...) over every source position of every sentence.
    int[][] nk = {{37, 5}, {300, 1280}, {700, 300}, {100, 520}, {1, 512}, {1, 7}};
    for (int[] shape : nk) {
      int n = shape[0];
      int k = shape[1];
      float[] a = random(rnd, mAll * k);
      float[] b = random(rnd, k * n);
      float[] c0 = random(rnd, mAll * n);
      for (boolean transA : new boolean[] {false, true}) {
        for (boolean transB : new boolean[] {false, true}) {
          for (float[] ab : new float[][] {{1f, 0f}, {1f, 1f}, {0.5f, 0.25f}}) {
            Sgemm reference = new Sgemm(ONE);
            float[] want = firstRows(reference, transA, transB, a, mAll, 3, b, n, k, ab[0], ab[1],
                c0);
            for (int m : new int[] {3, 4, 5, 16, 17, 33, 64, 70}) {
              for (Parallelism p : new Parallelism[] {ONE, TWO}) {
                float[] got = firstRows(new Sgemm(p), transA, transB, a, mAll, m, b, n, k, ab[0],
                    ab[1], c0);
                for (int i = 0; i < 3 * n; i++) {
                  if (Float.floatToRawIntBits(got[i]) != Float.floatToRawIntBits(want[i])) {
                    assertThat(got[i]).as("C[%d][%d] of m=%d (vs m=3), n=%d, k=%d, transA %s,"
                        + " transB %s, alpha %s, beta %s, %d threads", i / n, i % n, m, n, k,
                        transA, transB, ab[0], ab[1], p.threads()).isEqualTo(want[i]);
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
