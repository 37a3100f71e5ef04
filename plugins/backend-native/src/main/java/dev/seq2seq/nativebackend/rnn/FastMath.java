package dev.seq2seq.nativebackend.rnn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * In-place float sigmoid and tanh over array segments, vectorised with the Vector API.
 *
 * <p>Why not {@code Math.exp}/{@code Math.tanh}: they are scalar double calls, roughly 10-20 ns
 * each, and a recurrent step evaluates {@code batch * gates * hidden} of them (65k per step for
 * an LSTM at batch 64, hidden 256), which would cost as much as the GEMMs. Here {@code exp} is
 * the Cephes {@code expf} reduction {@code e^x = 2^n * e^r}, {@code |r| <= ln2/2}, with its
 * degree-5 minimax polynomial (about 1.2e-7 relative error), and tanh uses the Cephes {@code
 * tanhf} odd polynomial below 0.625 (where {@code 1 - 2/(e^2x + 1)} would cancel) and the exp
 * form above. Both stay within about 3e-7 relative of the exact value in the range that matters;
 * {@code FastMathTest} checks this against {@code Math} in double.
 *
 * <p>The scalar tails run the very same operations ({@code Math.fma} where the vector code uses
 * {@code fma}), so a value's result never depends on its position in a row: that is what keeps
 * padded and unpadded batches bitwise identical.
 */
public final class FastMath {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private static final float LOG2E = 1.44269504088896341f;
  // ln 2 split in two so that n * LN2_HI is exact for the n that occur (Cephes' C1, C2).
  private static final float LN2_HI = 0.693359375f;
  private static final float LN2_LO = -2.12194440e-4f;
  // Adding 1.5 * 2^23 rounds to an integer and leaves it in the low mantissa bits.
  private static final float ROUND = 12582912f;
  private static final int ROUND_BITS = 0x4B400000;
  // expf's domain: beyond these, 2^n would leave the normal exponent range.
  private static final float EXP_MIN = -87.0f;
  private static final float EXP_MAX = 88.0f;
  private static final float P0 = 1.9875691500e-4f;
  private static final float P1 = 1.3981999507e-3f;
  private static final float P2 = 8.3334519073e-3f;
  private static final float P3 = 4.1665795894e-2f;
  private static final float P4 = 1.6666665459e-1f;
  private static final float P5 = 5.0000001201e-1f;
  // Cephes tanhf, |x| < 0.625: tanh x = x + x^3 * T(x^2).
  private static final float TANH_SMALL = 0.625f;
  private static final float T0 = -5.70498872745e-3f;
  private static final float T1 = 2.06390887954e-2f;
  private static final float T2 = -5.37397155531e-2f;
  private static final float T3 = 1.33314422036e-1f;
  private static final float T4 = -3.33332819422e-1f;


  private FastMath() {}

  /** {@code a[off, off+len) = sigmoid(a[...])}, computed as {@code 1 / (1 + e^-x)}. */
  static void sigmoid(float[] a, int off, int len) {
    FloatVector one = v(1f);
    int i = 0;
    for (int upper = S.loopBound(len); i < upper; i += S.length()) {
      FloatVector x = FloatVector.fromArray(S, a, off + i);
      one.div(one.add(exp(x.neg()))).intoArray(a, off + i);
    }
    for (; i < len; i++) {
      a[off + i] = sigmoid(a[off + i]);
    }
  }

  /** {@code a[off, off+len) = tanh(a[...])}. */
  public static void tanh(float[] a, int off, int len) {
    int i = 0;
    for (int upper = S.loopBound(len); i < upper; i += S.length()) {
      tanh(FloatVector.fromArray(S, a, off + i)).intoArray(a, off + i);
    }
    for (; i < len; i++) {
      a[off + i] = tanh(a[off + i]);
    }
  }

  /**
   * {@code out[oo + i] = e^(x[xo + i] - shift)} for {@code i < len} (skipped when {@code out} is
   * null); returns their sum. A softmax row: the sum runs in vector lanes, then the lanes are
   * added, then the tail, so it depends only on the row. Arguments below {@code EXP_MIN} give
   * exactly 0 (see {@link #expOrZero}), so masked positions get no weight at all.
   */
  public static float expShifted(float[] x, int xo, int len, float shift, float[] out, int oo) {
    FloatVector sum = FloatVector.zero(S);
    FloatVector vs = v(shift);
    int i = 0;
    for (int upper = S.loopBound(len); i < upper; i += S.length()) {
      FloatVector e = expOrZero(FloatVector.fromArray(S, x, xo + i).sub(vs));
      if (out != null) {
        e.intoArray(out, oo + i);
      }
      sum = sum.add(e);
    }
    float total = sum.reduceLanes(VectorOperators.ADD);
    for (; i < len; i++) {
      float e = expOrZero(x[xo + i] - shift);
      if (out != null) {
        out[oo + i] = e;
      }
      total += e;
    }
    return total;
  }

  /** {@code out[oo + i] = g[go + i] - e^(y[yo + i]) * scale}: log-softmax's backward on a row. */
  public static void subtractScaledExp(
      float[] g, int go, float[] y, int yo, float scale, float[] out, int oo, int len) {
    FloatVector vs = v(scale);
    int i = 0;
    for (int upper = S.loopBound(len); i < upper; i += S.length()) {
      FloatVector e = expOrZero(FloatVector.fromArray(S, y, yo + i));
      FloatVector.fromArray(S, g, go + i).sub(e.mul(vs)).intoArray(out, oo + i);
    }
    for (; i < len; i++) {
      out[oo + i] = g[go + i] - expOrZero(y[yo + i]) * scale;
    }
  }

  /**
   * {@link #exp}, but 0 below {@code EXP_MIN} rather than {@code e^-87}: a softmax over scores
   * masked with a large negative value must give those positions no weight and no gradient.
   */
  private static FloatVector expOrZero(FloatVector x) {
    return exp(x).blend(0f, x.compare(VectorOperators.LT, EXP_MIN));
  }

  private static float expOrZero(float x) {
    return x < EXP_MIN ? 0f : exp(x);
  }

  static float sigmoid(float x) {
    return 1f / (1f + exp(-x));
  }

  static float tanh(float x) {
    float ax = Math.abs(x);
    if (ax < TANH_SMALL) {
      float z = x * x;
      float p = Math.fma(Math.fma(Math.fma(Math.fma(T0, z, T1), z, T2), z, T3), z, T4);
      return Math.fma(p * z, x, x);
    }
    float big = 1f - 2f / (exp(ax + ax) + 1f);
    return Math.copySign(big, x);
  }

  static float exp(float x) {
    x = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
    float t = Math.fma(x, LOG2E, ROUND);
    float n = t - ROUND;
    float r = Math.fma(n, -LN2_HI, x);
    r = Math.fma(n, -LN2_LO, r);
    float p = Math.fma(Math.fma(Math.fma(P0, r, P1), r, P2), r, P3);
    p = Math.fma(Math.fma(p, r, P4), r, P5);
    float y = Math.fma(p, r * r, r) + 1f;
    float scale = Float.intBitsToFloat((Float.floatToRawIntBits(t) - ROUND_BITS + 127) << 23);
    return y * scale;
  }

  // The vector helpers below are split so that each is at most 35 bytes of bytecode, C2's
  // MaxInlineSize: a larger helper is inlined only where the profile calls it hot, and the cells
  // get compiled within the first batch, before these methods have a profile. They then kept exp
  // as an out-of-line call on boxed vectors for the whole run (7% of mt-small training samples).
  // Constants stay broadcasts of immediates: as static final vector fields (fewer bytes) they
  // made tanh 20-30% slower, reloaded on every use.

  private static FloatVector tanh(FloatVector x) {
    FloatVector ax = x.abs();
    return tanhBig(x, ax).blend(tanhSmall(x), ax.compare(VectorOperators.LT, TANH_SMALL));
  }

  /** Small |x|: odd polynomial, accurate where the exp form would cancel. */
  private static FloatVector tanhSmall(FloatVector x) {
    FloatVector z = x.mul(x);
    return tanhPoly(z).mul(z).fma(x, x);
  }

  private static FloatVector tanhPoly(FloatVector z) {
    return tanhPolyTail(z.fma(v(T0), v(T1)).fma(z, v(T2)), z);
  }

  private static FloatVector tanhPolyTail(FloatVector p, FloatVector z) {
    return p.fma(z, v(T3)).fma(z, v(T4));
  }

  /** Large |x|: 1 - 2 / (e^{2|x|} + 1), then the sign of x. */
  private static FloatVector tanhBig(FloatVector x, FloatVector ax) {
    FloatVector big = tanhOfAbs(ax);
    return big.blend(big.neg(), x.compare(VectorOperators.LT, 0f));
  }

  private static FloatVector tanhOfAbs(FloatVector ax) {
    return v(1f).sub(v(2f).div(exp(ax.add(ax)).add(v(1f))));
  }

  private static FloatVector exp(FloatVector x) {
    return expClamped(x.max(v(EXP_MIN)).min(v(EXP_MAX)));
  }

  private static FloatVector expClamped(FloatVector x) {
    return expReduced(x, x.fma(v(LOG2E), v(ROUND)));
  }

  /** {@code e^x} from x and {@code t = x log2(e) + ROUND}, whose low bits hold n = round(x/ln2). */
  private static FloatVector expReduced(FloatVector x, FloatVector t) {
    return expPoly(reduce(x, t.sub(v(ROUND)))).mul(expScale(t));
  }

  /** {@code r = x - n ln2}, with ln2 in two parts. */
  private static FloatVector reduce(FloatVector x, FloatVector n) {
    return n.fma(v(-LN2_LO), n.fma(v(-LN2_HI), x));
  }

  /** {@code e^r} for {@code |r| <= ln2/2}. */
  private static FloatVector expPoly(FloatVector r) {
    return expPolyTail(r.fma(v(P0), v(P1)).fma(r, v(P2)), r);
  }

  private static FloatVector expPolyTail(FloatVector p, FloatVector r) {
    return expPolyLast(p.fma(r, v(P3)).fma(r, v(P4)).fma(r, v(P5)), r);
  }

  private static FloatVector expPolyLast(FloatVector p, FloatVector r) {
    return p.fma(r.mul(r), r).add(v(1f));
  }

  /** {@code 2^n} from the n held in t's low mantissa bits. */
  private static FloatVector expScale(FloatVector t) {
    IntVector bits = (IntVector) t.reinterpretAsInts();
    return bits.sub(ROUND_BITS - 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
  }

  private static FloatVector v(float c) {
    return FloatVector.broadcast(S, c);
  }
}
