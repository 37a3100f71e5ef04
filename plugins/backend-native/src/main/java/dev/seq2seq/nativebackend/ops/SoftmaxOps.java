package dev.seq2seq.nativebackend.ops;

import dev.seq2seq.nativebackend.NativeTensor;
import dev.seq2seq.nativebackend.Parallelism;
import dev.seq2seq.nativebackend.autograd.BackwardFn;
import dev.seq2seq.nativebackend.rnn.FastMath;
import java.util.function.IntConsumer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Softmax and log-softmax along one axis, computed stably: the lane's maximum is subtracted before
 * exponentiating, so no finite input overflows.
 *
 * <p>Along the last axis (attention weights, a vocabulary's log-probabilities, CTC's classes) the
 * rows are contiguous: they are vectorised with {@link FastMath}'s exp and split over threads,
 * since mt-small's output layer alone is 900 rows of 2,618 per batch, forwards and backwards.
 * Every row is computed the same way wherever it sits, so results do not depend on the batch.
 */
public final class SoftmaxOps {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  private SoftmaxOps() {}

  /** {@code y = exp(x - max) / sum(exp(x - max))}; {@code dx = y * (g - sum(g * y))}. */
  public static NativeTensor softmax(NativeTensor t, int axis) {
    float[] x = t.floats("softmax");
    Lanes lanes = Lanes.around(t.dims(), t.shape().axis(axis));
    int d = lanes.dim();
    int s = lanes.inner();
    float[] y = new float[x.length];
    if (s == 1) {
      return softmaxRows(t, x, y, lanes.count(), d);
    }
    for (int lane = 0; lane < lanes.count(); lane++) {
      int base = lanes.start(lane);
      float max = max(x, base, s, d);
      double sum = 0;
      for (int j = 0; j < d; j++) {
        float e = (float) Math.exp(x[base + j * s] - max);
        y[base + j * s] = e;
        sum += e;
      }
      float inv = (float) (1.0 / sum);
      for (int j = 0; j < d; j++) {
        y[base + j * s] *= inv;
      }
    }
    return t.owner().result(
        "softmax", y, t.dims(),
        (gs, needs) -> {
          float[] g = gs[0];
          float[] dx = new float[x.length];
          for (int lane = 0; lane < lanes.count(); lane++) {
            int base = lanes.start(lane);
            double dot = 0;
            for (int j = 0; j < d; j++) {
              dot += g[base + j * s] * y[base + j * s];
            }
            for (int j = 0; j < d; j++) {
              int i = base + j * s;
              dx[i] = y[i] * (g[i] - (float) dot);
            }
          }
          return new float[][] {dx};
        },
        t);
  }

  /** {@code y = x - max - log(sum(exp(x - max)))}; {@code dx = g - exp(y) * sum(g)}. */
  public static NativeTensor logSoftmax(NativeTensor t, int axis) {
    float[] x = t.floats("logSoftmax");
    Lanes lanes = Lanes.around(t.dims(), t.shape().axis(axis));
    int d = lanes.dim();
    int s = lanes.inner();
    float[] y = new float[x.length];
    if (s == 1) {
      return logSoftmaxRows(t, x, y, lanes.count(), d);
    }
    for (int lane = 0; lane < lanes.count(); lane++) {
      int base = lanes.start(lane);
      float max = max(x, base, s, d);
      double sum = 0;
      for (int j = 0; j < d; j++) {
        sum += Math.exp(x[base + j * s] - max);
      }
      // (x - max) - log(sum), not x - (max + log(sum)): the latter rounds log(sum) to the
      // precision of a large max.
      float logSum = (float) Math.log(sum);
      for (int j = 0; j < d; j++) {
        y[base + j * s] = (x[base + j * s] - max) - logSum;
      }
    }
    return t.owner().result(
        "logSoftmax", y, t.dims(),
        (gs, needs) -> {
          float[] g = gs[0];
          float[] dx = new float[x.length];
          for (int lane = 0; lane < lanes.count(); lane++) {
            int base = lanes.start(lane);
            double total = 0;
            for (int j = 0; j < d; j++) {
              total += g[base + j * s];
            }
            for (int j = 0; j < d; j++) {
              int i = base + j * s;
              dx[i] = g[i] - (float) Math.exp(y[i]) * (float) total;
            }
          }
          return new float[][] {dx};
        },
        t);
  }

  /** {@link #softmax} over {@code rows} contiguous rows of {@code d}. */
  private static NativeTensor softmaxRows(NativeTensor t, float[] x, float[] y, int rows, int d) {
    Parallelism parallelism = t.owner().parallelism();
    eachRow(parallelism, rows, d, base -> {
      float sum = FastMath.expShifted(x, base, d, rowMax(x, base, d), y, base);
      VectorKernels.affine(y, base, 1f / sum, 0f, y, base, d);
    });
    return t.owner().result(
        "softmax", y, t.dims(),
        rowwise(parallelism, rows, d, (g, dx, base) -> {
          // dx = y * (g - g·y)
          float dot = rowDot(g, y, base, d);
          VectorKernels.affine(g, base, 1f, -dot, dx, base, d);
          VectorKernels.mul(dx, base, y, base, dx, base, d);
        }),
        t);
  }

  /** {@link #logSoftmax} over {@code rows} contiguous rows of {@code d}. */
  private static NativeTensor logSoftmaxRows(
      NativeTensor t, float[] x, float[] y, int rows, int d) {
    Parallelism parallelism = t.owner().parallelism();
    eachRow(parallelism, rows, d, base -> {
      float max = rowMax(x, base, d);
      float logSum = (float) Math.log(FastMath.expShifted(x, base, d, max, null, 0));
      // (x - max) - log(sum), as in the strided path.
      VectorKernels.affine(x, base, 1f, -max, y, base, d);
      VectorKernels.affine(y, base, 1f, -logSum, y, base, d);
    });
    return t.owner().result(
        "logSoftmax", y, t.dims(),
        rowwise(parallelism, rows, d,
            // dx = g - exp(y) * sum(g)
            (g, dx, base) ->
                FastMath.subtractScaledExp(g, base, y, base, rowSum(g, base, d), dx, base, d)),
        t);
  }

  /** One row of a backward pass: {@code dx}'s row at {@code base} from {@code g}'s. */
  @FunctionalInterface
  private interface RowGradient {
    void run(float[] g, float[] dx, int base);
  }

  /** A backward pass computed row by row (rows of {@code d}, split over threads). */
  private static BackwardFn rowwise(Parallelism parallelism, int rows, int d, RowGradient row) {
    return (gs, needs) -> {
      float[] g = gs[0];
      float[] dx = new float[rows * d];
      eachRow(parallelism, rows, d, base -> row.run(g, dx, base));
      return new float[][] {dx};
    };
  }

  /**
   * Runs {@code body} on the offset of every row of {@code d}, split over threads when there is
   * enough work to repay the hand-off.
   */
  private static void eachRow(Parallelism parallelism, int rows, int d, IntConsumer body) {
    int grain = Math.max(1, Broadcast.PARALLEL_THRESHOLD / Math.max(1, d));
    parallelism.forRange(rows, grain, (from, to) -> {
      for (int r = from; r < to; r++) {
        body.accept(r * d);
      }
    });
  }

  private static float rowMax(float[] x, int base, int n) {
    FloatVector m = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
    int j = 0;
    for (int upper = SPECIES.loopBound(n); j < upper; j += SPECIES.length()) {
      m = m.max(FloatVector.fromArray(SPECIES, x, base + j));
    }
    float max = m.reduceLanes(VectorOperators.MAX);
    for (; j < n; j++) {
      max = Math.max(max, x[base + j]);
    }
    return max;
  }

  private static float rowSum(float[] x, int base, int n) {
    FloatVector s = FloatVector.zero(SPECIES);
    int j = 0;
    for (int upper = SPECIES.loopBound(n); j < upper; j += SPECIES.length()) {
      s = s.add(FloatVector.fromArray(SPECIES, x, base + j));
    }
    float sum = s.reduceLanes(VectorOperators.ADD);
    for (; j < n; j++) {
      sum += x[base + j];
    }
    return sum;
  }

  private static float rowDot(float[] a, float[] b, int base, int n) {
    FloatVector s = FloatVector.zero(SPECIES);
    int j = 0;
    for (int upper = SPECIES.loopBound(n); j < upper; j += SPECIES.length()) {
      s = FloatVector.fromArray(SPECIES, a, base + j)
          .fma(FloatVector.fromArray(SPECIES, b, base + j), s);
    }
    float sum = s.reduceLanes(VectorOperators.ADD);
    for (; j < n; j++) {
      sum = Math.fma(a[base + j], b[base + j], sum);
    }
    return sum;
  }

  private static float max(float[] x, int base, int stride, int n) {
    float max = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      max = Math.max(max, x[base + j * stride]);
    }
    return max;
  }
}
