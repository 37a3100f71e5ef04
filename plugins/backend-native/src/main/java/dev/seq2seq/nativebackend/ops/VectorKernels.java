package dev.seq2seq.nativebackend.ops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hot element-wise loops, written with the Vector API: contiguous arithmetic and the in-place
 * updates optimisers run on every parameter. Each loop processes whole vectors, then finishes the
 * tail with scalar code. The operator is fixed per method (never passed as a value), which is what
 * lets the JIT compile {@code lanewise} to single instructions.
 *
 * <p>Arguments are arrays with offsets; {@code n} elements are processed.
 */
public final class VectorKernels {
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  private VectorKernels() {}

  /** The species in use, for {@code doctor}. */
  public static String species() {
    return SPECIES.toString();
  }

  public static int lanes() {
    return LANES;
  }

  /** {@code out = a + b}. */
  public static void add(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
    int i = 0;
    for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
      FloatVector.fromArray(SPECIES, a, ao + i)
          .add(FloatVector.fromArray(SPECIES, b, bo + i))
          .intoArray(out, oo + i);
    }
    for (; i < n; i++) {
      out[oo + i] = a[ao + i] + b[bo + i];
    }
  }

  /** {@code out = a - b}. */
  public static void sub(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
    int i = 0;
    for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
      FloatVector.fromArray(SPECIES, a, ao + i)
          .sub(FloatVector.fromArray(SPECIES, b, bo + i))
          .intoArray(out, oo + i);
    }
    for (; i < n; i++) {
      out[oo + i] = a[ao + i] - b[bo + i];
    }
  }

  /** {@code out = a * b}. */
  public static void mul(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
    int i = 0;
    for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
      FloatVector.fromArray(SPECIES, a, ao + i)
          .mul(FloatVector.fromArray(SPECIES, b, bo + i))
          .intoArray(out, oo + i);
    }
    for (; i < n; i++) {
      out[oo + i] = a[ao + i] * b[bo + i];
    }
  }

  /** {@code out = a / b}. */
  public static void div(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
    int i = 0;
    for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
      FloatVector.fromArray(SPECIES, a, ao + i)
          .div(FloatVector.fromArray(SPECIES, b, bo + i))
          .intoArray(out, oo + i);
    }
    for (; i < n; i++) {
      out[oo + i] = a[ao + i] / b[bo + i];
    }
  }

  /** {@code out = a * s + t}: scalar multiply-add, covers add(scalar), mul(scalar) and neg. */
  public static void affine(float[] a, int ao, float s, float t, float[] out, int oo, int n) {
    FloatVector vs = FloatVector.broadcast(SPECIES, s);
    FloatVector vt = FloatVector.broadcast(SPECIES, t);
    int i = 0;
    for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
      FloatVector.fromArray(SPECIES, a, ao + i).fma(vs, vt).intoArray(out, oo + i);
    }
    for (; i < n; i++) {
      out[oo + i] = a[ao + i] * s + t;
    }
  }

  /** {@code y += alpha * x}. */
  public static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
    FloatVector va = FloatVector.broadcast(SPECIES, alpha);
    int i = 0;
    for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
      FloatVector.fromArray(SPECIES, x, xo + i)
          .fma(va, FloatVector.fromArray(SPECIES, y, yo + i))
          .intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] += alpha * x[xo + i];
    }
  }

  /** {@code y += value * a * b}. */
  public static void addProduct(
      float[] y, int yo, float[] a, int ao, float[] b, int bo, float value, int n) {
    FloatVector vv = FloatVector.broadcast(SPECIES, value);
    int i = 0;
    for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
      FloatVector.fromArray(SPECIES, a, ao + i)
          .mul(vv)
          .fma(FloatVector.fromArray(SPECIES, b, bo + i), FloatVector.fromArray(SPECIES, y, yo + i))
          .intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] += value * a[ao + i] * b[bo + i];
    }
  }

  /** {@code y += value * a / (sqrt(b) + eps)}: the Adam family's update. */
  public static void addRatio(
      float[] y, int yo, float[] a, int ao, float[] b, int bo, float eps, float value, int n) {
    FloatVector vv = FloatVector.broadcast(SPECIES, value);
    FloatVector ve = FloatVector.broadcast(SPECIES, eps);
    int i = 0;
    for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
      FloatVector denominator =
          FloatVector.fromArray(SPECIES, b, bo + i).lanewise(VectorOperators.SQRT).add(ve);
      FloatVector.fromArray(SPECIES, a, ao + i)
          .mul(vv)
          .div(denominator)
          .add(FloatVector.fromArray(SPECIES, y, yo + i))
          .intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] += value * a[ao + i] / ((float) Math.sqrt(b[bo + i]) + eps);
    }
  }
}
