package dev.seq2seq.nn;

import dev.seq2seq.backend.Shape;
import java.util.SplittableRandom;

/** Draws initial parameter values on the host, so that every backend starts identically. */
@FunctionalInterface
public interface Init {

  float[] sample(Shape shape, SplittableRandom rng);

  static Init zeros() {
    return (shape, rng) -> new float[shape.sizeInt()];
  }

  static Init constant(double value) {
    return (shape, rng) -> {
      float[] v = new float[shape.sizeInt()];
      java.util.Arrays.fill(v, (float) value);
      return v;
    };
  }

  /** Uniform on {@code [-bound, bound)}. */
  static Init uniform(double bound) {
    return (shape, rng) -> {
      float[] v = new float[shape.sizeInt()];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
      }
      return v;
    };
  }

  /** Normal with mean 0 and the given standard deviation. */
  static Init normal(double std) {
    return (shape, rng) -> {
      float[] v = new float[shape.sizeInt()];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (gaussian(rng) * std);
      }
      return v;
    };
  }

  /** Glorot/Xavier uniform over the last two axes' fan-in and fan-out. */
  static Init xavierUniform() {
    return (shape, rng) -> {
      int fanOut = shape.dim(0);
      int fanIn = shape.rank() > 1 ? shape.dim(1) : shape.dim(0);
      return uniform(Math.sqrt(6.0 / (fanIn + fanOut))).sample(shape, rng);
    };
  }

  /**
   * A standard normal sample by Box-Muller, written out so that the values depend only on the
   * generator's algorithm (which {@link SplittableRandom} specifies) and not on the JDK.
   */
  private static double gaussian(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
  }
}
