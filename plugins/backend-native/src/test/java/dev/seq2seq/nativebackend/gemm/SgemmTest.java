package dev.seq2seq.nativebackend.gemm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.seq2seq.nativebackend.Parallelism;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SgemmTest {
  private static final Parallelism ONE = new Parallelism(1);
  private static final Parallelism TWO = new Parallelism(2);
  private static final Sgemm SERIAL = new Sgemm(ONE);
  private static final Sgemm PARALLEL = new Sgemm(TWO);
  private static final int[] SIZES = {0, 1, 2, 3, 7, 17, 64, 65, 130};

  @AfterAll
  static void shutDown() {
    ONE.close();
    TWO.close();
  }

  /** A GEMM problem laid out with offsets and padded strides, as the backend's views produce. */
  private record Problem(
      boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float[] c, int cOffset, int ldc) {

    static Problem random(
        SplittableRandom rnd, boolean transA, boolean transB, int m, int n, int k,
        float alpha, float beta, boolean nanC) {
      int aRows = transA ? k : m;
      int aCols = transA ? m : k;
      int bRows = transB ? n : k;
      int bCols = transB ? k : n;
      int lda = Math.max(1, aCols) + rnd.nextInt(3);
      int ldb = Math.max(1, bCols) + rnd.nextInt(3);
      int ldc = Math.max(1, n) + rnd.nextInt(3);
      int aOffset = rnd.nextInt(5);
      int bOffset = rnd.nextInt(5);
      int cOffset = rnd.nextInt(5);
      float[] a = fill(rnd, aOffset + aRows * lda + 3);
      float[] b = fill(rnd, bOffset + bRows * ldb + 3);
      float[] c = fill(rnd, cOffset + m * ldc + 3);
      if (nanC) {
        Arrays.fill(c, Float.NaN);
      }
      return new Problem(transA, transB, m, n, k, alpha, beta,
          a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
    }

    float[] runOn(Sgemm gemm) {
      float[] out = c.clone();
      gemm.multiply(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
          beta, out, cOffset, ldc);
      return out;
    }

    double opA(int i, int p) {
      return transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
    }

    double opB(int p, int j) {
      return transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
    }

    /** Checks every element of C against a double-precision reference and that padding is kept. */
    void check(float[] actual) {
      double tolerance = 1e-4 * Math.sqrt(Math.max(1, k));
      for (int idx = 0; idx < c.length; idx++) {
        int rel = idx - cOffset;
        boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
        if (!inside) {
          assertThat(Float.floatToIntBits(actual[idx]))
              .as("C padding at %d", idx)
              .isEqualTo(Float.floatToIntBits(c[idx]));
          continue;
        }
        int i = rel / ldc;
        int j = rel % ldc;
        double sum = 0;
        double magnitude = 0;
        for (int p = 0; p < k; p++) {
          double term = opA(i, p) * opB(p, j);
          sum += term;
          magnitude += Math.abs(term);
        }
        double old = beta == 0f ? 0 : beta * (double) c[idx];
        double expected = alpha * sum + old;
        double scale = Math.abs(alpha) * magnitude + Math.abs(old) + 1e-6;
        assertThat(Math.abs(actual[idx] - expected))
            .as("%s C[%d][%d]", this, i, j)
            .isLessThanOrEqualTo(tolerance * scale);
      }
    }

    @Override
    public String toString() {
      return String.format("transA=%b transB=%b m=%d n=%d k=%d alpha=%s beta=%s",
          transA, transB, m, n, k, alpha, beta);
    }
  }

  private static float[] fill(SplittableRandom rnd, int length) {
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] = (float) (rnd.nextDouble() * 2 - 1);
    }
    return x;
  }

  @Test
  void matchesReferenceOnEdgeShapesAndAllTransposes() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (boolean transA : new boolean[] {false, true}) {
      for (boolean transB : new boolean[] {false, true}) {
        for (int m : SIZES) {
          for (int n : SIZES) {
            // k sweeps the sizes for a subset of (m, n) to keep the test fast.
            for (int k : SIZES) {
              if ((m + n + k) % 3 != 0 && k != 1 && k != 130) {
                continue;
              }
              Problem p = Problem.random(rnd, transA, transB, m, n, k, 0.75f, 0.5f, false);
              p.check(p.runOn(SERIAL));
            }
          }
        }
      }
    }
  }

  @Test
  void betaZeroIgnoresNanInC() {
    SplittableRandom rnd = new SplittableRandom(2);
    for (int k : new int[] {0, 1, 17, 300}) {
      Problem p = Problem.random(rnd, false, true, 33, 70, k, 1.5f, 0f, true);
      float[] out = p.runOn(PARALLEL);
      p.check(out);
    }
  }

  @Test
  void alphaZeroOnlyScalesC() {
    SplittableRandom rnd = new SplittableRandom(3);
    Problem p = Problem.random(rnd, true, false, 9, 40, 12, 0f, -2f, false);
    p.check(p.runOn(SERIAL));
  }

  @Test
  void coversKSlicesAndRowBlocksLargerThanOneCacheBlock() {
    SplittableRandom rnd = new SplittableRandom(4);
    // k > KC exercises accumulation across k slices; m > MC exercises several row blocks.
    Problem p = Problem.random(rnd, true, true, BlockedGemm.MC + 9, 45, BlockedGemm.KC + 31,
        1f, -1f, false);
    p.check(p.runOn(PARALLEL));
  }

  @Test
  void oneAndTwoThreadsAgreeOnRecurrentAndDecodingShapes() {
    SplittableRandom rnd = new SplittableRandom(5);
    // Shrunken recurrent and decoding shapes (k slices, many row groups, skinny column slabs),
    // small enough to check against the double-precision reference.
    int[][] shapes = {{64, 520, 96}, {96, 300, 64}, {48, 130, 600}, {1, 1000, 512},
        {4, 777, 96}, {13, 300, 1100}, {200, 40, 64}, {300, 3, 50}};
    for (int[] s : shapes) {
      for (boolean transA : new boolean[] {false, true}) {
        for (boolean transB : new boolean[] {false, true}) {
          Problem p = Problem.random(rnd, transA, transB, s[0], s[1], s[2], 1f, 0f, true);
          float[] serial = p.runOn(SERIAL);
          float[] parallel = p.runOn(PARALLEL);
          for (int i = 0; i < serial.length; i++) {
            if (Float.isNaN(serial[i])) {
              assertThat(parallel[i]).as("%s padding at %d", p, i).isNaN();
            } else {
              assertThat(parallel[i]).as("%s at %d", p, i)
                  .isCloseTo(serial[i], offset(1e-4f * (1 + Math.abs(serial[i]))));
            }
          }
          p.check(parallel);
        }
      }
    }
  }

  @Test
  void rejectsNegativeShapesAndShortStrides() {
    float[] x = new float[16];
    assertThatThrownBy(
            () -> SERIAL.multiply(false, false, -1, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> SERIAL.multiply(false, false, 2, 2, 3, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lda");
  }
}
