package dev.seq2seq.nativebackend.ops;

import dev.seq2seq.nativebackend.NativeTensor;

/**
 * Softmax and log-softmax along one axis, computed stably: the lane's maximum is subtracted before
 * exponentiating, so no finite input overflows.
 */
public final class SoftmaxOps {

  private SoftmaxOps() {}

  /** {@code y = exp(x - max) / sum(exp(x - max))}; {@code dx = y * (g - sum(g * y))}. */
  public static NativeTensor softmax(NativeTensor t, int axis) {
    float[] x = t.floats("softmax");
    Lanes lanes = Lanes.around(t.dims(), t.shape().axis(axis));
    int d = lanes.dim();
    int s = lanes.inner();
    float[] y = new float[x.length];
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

  private static float max(float[] x, int base, int stride, int n) {
    float max = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      max = Math.max(max, x[base + j * stride]);
    }
    return max;
  }
}
