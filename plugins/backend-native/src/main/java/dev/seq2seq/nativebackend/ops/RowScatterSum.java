package dev.seq2seq.nativebackend.ops;

import dev.seq2seq.nativebackend.autograd.DeferredGradient;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedding table's gradient left for the end of the backward pass (see {@link
 * DeferredGradient}): rows of the output gradient added into the rows they were looked up from.
 * A decoder looks its embedding up once per step; scattered straight into the table's gradient,
 * the steps share one {@code [V, E]} array instead of allocating and summing one each.
 */
final class RowScatterSum implements DeferredGradient {
  private final int row;
  private final List<int[]> indices = new ArrayList<>();
  private final List<float[]> gradients = new ArrayList<>();

  /** Row {@code s} of {@code gradient} (each {@code row} wide) goes to table row {@code idx[s]}. */
  RowScatterSum(int row, int[] idx, float[] gradient) {
    this.row = row;
    indices.add(idx);
    gradients.add(gradient);
  }

  @Override
  public boolean absorb(DeferredGradient next) {
    if (next instanceof RowScatterSum o && o.row == row) {
      indices.addAll(o.indices);
      gradients.addAll(o.gradients);
      return true;
    }
    return false;
  }

  @Override
  public void addTo(float[] dense) {
    for (int t = 0; t < indices.size(); t++) {
      int[] idx = indices.get(t);
      float[] g = gradients.get(t);
      for (int s = 0; s < idx.length; s++) {
        VectorKernels.axpy(1f, g, s * row, dense, idx[s] * row, row);
      }
    }
  }
}
