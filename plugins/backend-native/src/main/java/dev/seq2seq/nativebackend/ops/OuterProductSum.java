package dev.seq2seq.nativebackend.ops;

import dev.seq2seq.nativebackend.autograd.DeferredGradient;
import dev.seq2seq.nativebackend.gemm.Sgemm;
import java.util.ArrayList;
import java.util.List;

/**
 * A weight gradient {@code dW[n, k] = sum_i G_i^T X_i} left for the end of the backward pass (see
 * {@link DeferredGradient}): {@code G_i [rows_i, n]} is the gradient of a product's output and
 * {@code X_i [rows_i, k]} its input. A decoder step contributes 64 rows; summed one step at a time
 * that is a GEMM with k = 64 and a full pass over dW per step, while stacking every step's rows
 * makes it one GEMM with k = 64 x steps.
 */
public final class OuterProductSum implements DeferredGradient {
  /**
   * Products of at most this many rows are deferred by the layers that make them: with so few
   * rows a product is cheap to keep and inefficient to run on its own.
   */
  public static final int MAX_ROWS = 256;

  private final Sgemm gemm;
  private final int n;
  private final int k;
  private final List<Term> terms = new ArrayList<>();

  private record Term(float[] g, int gOffset, float[] x, int xOffset, int rows) {}

  /**
   * @param g {@code [rows, n]} from {@code gOffset}, row-major
   * @param x {@code [rows, k]} from {@code xOffset}, row-major
   */
  public OuterProductSum(
      Sgemm gemm, int n, int k, float[] g, int gOffset, float[] x, int xOffset, int rows) {
    this.gemm = gemm;
    this.n = n;
    this.k = k;
    terms.add(new Term(g, gOffset, x, xOffset, rows));
  }

  @Override
  public boolean absorb(DeferredGradient next) {
    if (next instanceof OuterProductSum o && o.gemm == gemm && o.n == n && o.k == k) {
      terms.addAll(o.terms);
      return true;
    }
    return false;
  }

  @Override
  public void addTo(float[] dense) {
    if (terms.size() == 1) {
      Term t = terms.get(0);
      gemm.multiply(true, false, n, k, t.rows, 1f, t.g, t.gOffset, n, t.x, t.xOffset, k, 1f,
          dense, 0, k);
      return;
    }
    int rows = 0;
    for (Term t : terms) {
      rows += t.rows;
    }
    // dW += [G_1; G_2; ...]^T [X_1; X_2; ...]: [n, R] x [R, k]
    float[] g = new float[rows * n];
    float[] x = new float[rows * k];
    int r = 0;
    for (Term t : terms) {
      System.arraycopy(t.g, t.gOffset, g, r * n, t.rows * n);
      System.arraycopy(t.x, t.xOffset, x, r * k, t.rows * k);
      r += t.rows;
    }
    gemm.multiply(true, false, n, k, rows, 1f, g, 0, n, x, 0, k, 1f, dense, 0, k);
  }
}
