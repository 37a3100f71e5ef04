package dev.seq2seq.nativebackend.ops;

import dev.seq2seq.nativebackend.NativeTensor;
import dev.seq2seq.nativebackend.Parallelism;
import dev.seq2seq.nativebackend.rnn.FastMath;

/**
 * Element-wise functions, each with its derivative beside it. The backward pass receives the
 * input {@code x}, the output {@code y} and the output gradient {@code g}, and uses whichever
 * makes the derivative cheapest (exp, sigmoid and tanh reuse their output).
 *
 * <p>Each constant loops over the whole array itself, so that the loop body is a direct call the
 * JIT can inline rather than a megamorphic one per element.
 */
public enum Unary {
  EXP("exp") {
    @Override
    void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) Math.exp(x[i]);
      }
    }

    @Override
    void backward(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
      for (int i = from; i < to; i++) {
        dx[i] = g[i] * y[i];
      }
    }
  },
  LOG("log") {
    @Override
    void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) Math.log(x[i]);
      }
    }

    @Override
    void backward(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
      for (int i = from; i < to; i++) {
        dx[i] = g[i] / x[i];
      }
    }
  },
  SQRT("sqrt") {
    @Override
    void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) Math.sqrt(x[i]);
      }
    }

    @Override
    void backward(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
      for (int i = from; i < to; i++) {
        dx[i] = 0.5f * g[i] / y[i];
      }
    }
  },
  SQUARE("square") {
    @Override
    void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = x[i] * x[i];
      }
    }

    @Override
    void backward(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
      for (int i = from; i < to; i++) {
        dx[i] = 2f * x[i] * g[i];
      }
    }
  },
  SIGMOID("sigmoid") {
    @Override
    void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = sigmoid(x[i]);
      }
    }

    @Override
    void backward(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
      for (int i = from; i < to; i++) {
        dx[i] = g[i] * y[i] * (1f - y[i]);
      }
    }
  },
  TANH("tanh") {
    @Override
    void forward(float[] x, float[] y, int from, int to) {
      // Vectorised (see FastMath): additive attention takes tanh of [B, T, A] every decoder
      // step, and Math.tanh per element cost more than the step's matrix products. A value
      // gets the same bits at any position, so batches stay invariant.
      System.arraycopy(x, from, y, from, to - from);
      FastMath.tanh(y, from, to - from);
    }

    @Override
    void backward(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
      for (int i = from; i < to; i++) {
        dx[i] = g[i] * (1f - y[i] * y[i]);
      }
    }
  },
  RELU("relu") {
    @Override
    void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = Math.max(x[i], 0f);
      }
    }

    @Override
    void backward(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
      // The subgradient at 0 is taken as 0, as in PyTorch.
      for (int i = from; i < to; i++) {
        dx[i] = x[i] > 0f ? g[i] : 0f;
      }
    }
  };

  private final String op;

  Unary(String op) {
    this.op = op;
  }

  /** {@code y[i] = f(x[i])} for i in {@code [from, to)}. */
  abstract void forward(float[] x, float[] y, int from, int to);

  /** {@code dx[i] = g[i] * f'(x[i])} for i in {@code [from, to)}. */
  abstract void backward(float[] x, float[] y, float[] g, float[] dx, int from, int to);

  public NativeTensor apply(NativeTensor input) {
    float[] x = input.floats(op);
    float[] y = new float[x.length];
    Parallelism parallelism = input.owner().parallelism();
    inChunks(parallelism, x.length, (from, to) -> forward(x, y, from, to));
    return input.owner().result(
        op, y, input.dims(),
        (g, needs) -> {
          float[] dx = new float[x.length];
          inChunks(parallelism, x.length, (from, to) -> backward(x, y, g[0], dx, from, to));
          return new float[][] {dx};
        },
        input);
  }

  private static void inChunks(Parallelism parallelism, int n, Parallelism.RangeBody body) {
    if (n > Broadcast.PARALLEL_THRESHOLD) {
      parallelism.forRange(n, Broadcast.PARALLEL_THRESHOLD / 2, body);
    } else {
      body.run(0, n);
    }
  }

  /** A logistic function that never overflows: exp is only taken of a non-positive number. */
  static float sigmoid(float v) {
    if (v >= 0) {
      return (float) (1.0 / (1.0 + Math.exp(-v)));
    }
    double e = Math.exp(v);
    return (float) (e / (1.0 + e));
  }
}
