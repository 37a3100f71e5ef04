package dev.seq2seq.nativebackend.gemm;

import static dev.seq2seq.nativebackend.gemm.SkinnyGemm.COLUMN_BLOCK;

/**
 * A weight {@code W [n, k]} laid out once for products {@code A W^T} with few rows of A (decoding
 * steps, beam search, a single recording's recurrent steps): for every block of {@link
 * SkinnyGemm#COLUMN_BLOCK} columns of {@code W^T}, its {@code k} rows stored contiguously, the
 * layout the skinny kernel streams through. Without it the kernel gathers that layout from
 * {@code W} on every call, which for one row of A costs several times the product. The last
 * block, when {@code n} is not a multiple of the block, is padded with zero columns so that the
 * vector kernel serves it too (a vocabulary's odd tail otherwise went to scalar code: 15% of
 * beam-search time); the padded columns are computed and never written.
 *
 * @param panels {@code [ceil(n / COLUMN_BLOCK)][k][COLUMN_BLOCK]}
 */
public record PackedB(float[] panels, int n, int k) {

  /** Packs {@code W^T} for a row-major {@code w [n, k]} starting at {@code offset}. */
  public static PackedB ofTransposed(float[] w, int offset, int n, int k) {
    int blocks = (n + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
    float[] panels = new float[blocks * k * COLUMN_BLOCK];
    for (int jb = 0; jb < blocks; jb++) {
      int base = jb * k * COLUMN_BLOCK;
      int columns = Math.min(COLUMN_BLOCK, n - jb * COLUMN_BLOCK);
      for (int c = 0; c < columns; c++) {
        int src = offset + (jb * COLUMN_BLOCK + c) * k;
        for (int p = 0, d = base + c; p < k; p++, d += COLUMN_BLOCK) {
          panels[d] = w[src + p];
        }
      }
    }
    return new PackedB(panels, n, k);
  }

  /** Where row {@code p} of the block holding column {@code j} (a block start) begins. */
  int offset(int j, int p) {
    return ((j / COLUMN_BLOCK) * k + p) * COLUMN_BLOCK;
  }
}
