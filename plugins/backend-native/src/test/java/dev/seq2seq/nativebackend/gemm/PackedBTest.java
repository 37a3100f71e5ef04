package dev.seq2seq.nativebackend.gemm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.nativebackend.Parallelism;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Products with a pre-packed {@code W^T} give the bits the ordinary transposed-B call gives: one
 * row to a whole decoding batch (64) on the packed panels, k over several slices, and past 64
 * rows, where the call falls back to the ordinary path.
 */
class PackedBTest {
  private static final Parallelism ONE = new Parallelism(1);
  private static final Parallelism TWO = new Parallelism(2);

  @AfterAll
  static void close() {
    ONE.close();
    TWO.close();
  }

  private static float[] random(int n, SplittableRandom r) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return x;
  }

  @Test
  void packedProductsAreBitIdenticalToTransposedOnes() {
    SplittableRandom r = new SplittableRandom(7);
    int[][] shapes = {{1, 64, 8}, {1, 1024, 256}, {3, 100, 300}, {5, 2618, 1280}, {16, 130, 513},
        {17, 70, 40}, {4, 63, 5}, {1, 29, 512}, {2, 5893, 300}, {1, 1, 7}, {23, 1024, 512},
        {64, 130, 80}, {65, 70, 40}, {64, 700, 600}, {200, 90, 513}, {40, 1, 512}};
    for (Parallelism p : new Parallelism[] {ONE, TWO}) {
      Sgemm gemm = new Sgemm(p);
      for (int[] s : shapes) {
        int m = s[0];
        int n = s[1];
        int k = s[2];
        float[] a = random(2 + m * k, r);
        float[] w = random(n * k, r);
        float[] c0 = random(m * n, r);
        PackedB packed = PackedB.ofTransposed(w, 0, n, k);
        for (float beta : new float[] {0f, 1f}) {
          float[] expected = c0.clone();
          gemm.multiply(false, true, m, n, k, 1f, a, 2, k, w, 0, k, beta, expected, 0, n);
          float[] got = c0.clone();
          gemm.multiplyPacked(m, n, k, a, 2, k, w, packed, beta, got, 0, n);
          assertThat(got).as("m=%d n=%d k=%d beta=%s threads=%d", m, n, k, beta, p.threads())
              .containsExactly(expected);
        }
      }
    }
  }

  @Test
  void packsEachColumnBlockRowByRow() {
    int n = 2 * SkinnyGemm.COLUMN_BLOCK + 3;
    int k = 3;
    float[] w = new float[n * k];
    for (int i = 0; i < w.length; i++) {
      w[i] = i;
    }
    PackedB p = PackedB.ofTransposed(w, 0, n, k);
    // The 3-column tail gets a third block, zero past its 3 real columns.
    assertThat(p.panels()).hasSize(3 * SkinnyGemm.COLUMN_BLOCK * k);
    for (int row = 0; row < k; row++) {
      int tail = p.offset(2 * SkinnyGemm.COLUMN_BLOCK, row);
      for (int c = 0; c < SkinnyGemm.COLUMN_BLOCK; c++) {
        assertThat(p.panels()[tail + c])
            .isEqualTo(c < 3 ? w[(2 * SkinnyGemm.COLUMN_BLOCK + c) * k + row] : 0f);
      }
    }
    // Row 2 of the second block holds W[64 + c][2] for c = 0..63.
    int at = p.offset(SkinnyGemm.COLUMN_BLOCK, 2);
    for (int c = 0; c < SkinnyGemm.COLUMN_BLOCK; c++) {
      assertThat(p.panels()[at + c]).isEqualTo(w[(SkinnyGemm.COLUMN_BLOCK + c) * k + 2]);
    }
  }

  @Test
  void aPackingOfOtherShapeIsRefused() {
    float[] w = new float[64 * 4];
    PackedB packed = PackedB.ofTransposed(w, 0, 64, 4);
    assertThatThrownBy(() -> new Sgemm(ONE).multiplyPacked(1, 64, 2, new float[2], 0, 2, w, packed,
        0f, new float[64], 0, 64)).hasMessageContaining("packed B is [4, 64]");
  }
}
