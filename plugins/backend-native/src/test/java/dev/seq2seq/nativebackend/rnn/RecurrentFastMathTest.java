package dev.seq2seq.nativebackend.rnn;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/** The float sigmoid/tanh approximations against {@code Math} in double. */
class RecurrentFastMathTest {

  /** Dense sweep of [-30, 30] plus the polynomial/exp switch points and extremes. */
  private static float[] arguments() {
    int n = 20_001;
    float[] a = new float[n + 10];
    for (int i = 0; i < n; i++) {
      a[i] = -30f + 60f * i / (n - 1);
    }
    float[] special = {0f, -0f, 0.625f, -0.625f, Math.nextDown(0.625f), 1e-30f, -1e-8f, 100f, -100f, 1e4f};
    System.arraycopy(special, 0, a, n, special.length);
    return a;
  }

  @Test
  void tanhIsWithinAFewUlps() {
    float[] x = arguments();
    float[] y = x.clone();
    FastMath.tanh(y, 0, y.length);
    for (int i = 0; i < x.length; i++) {
      double exact = Math.tanh(x[i]);
      if (!(Math.abs(y[i] - exact) <= 1e-6 * Math.abs(exact))) {
        fail("tanh(" + x[i] + ") = " + exact + ", got " + y[i]);
      }
    }
  }

  @Test
  void sigmoidIsWithinAFewUlps() {
    float[] x = arguments();
    float[] y = x.clone();
    FastMath.sigmoid(y, 0, y.length);
    for (int i = 0; i < x.length; i++) {
      double exact = 1 / (1 + Math.exp(-(double) x[i]));
      // Below e^-87 the result is (correctly) far under any value that matters; check absolutely.
      double tol = x[i] < -80 ? 1e-30 : 1e-6 * exact;
      if (!(Math.abs(y[i] - exact) <= tol)) {
        fail("sigmoid(" + x[i] + ") = " + exact + ", got " + y[i]);
      }
    }
  }

  /** Vector lanes and scalar tails must agree bitwise, or padding could change a result. */
  @Test
  void vectorAndScalarPathsAgreeBitwise() {
    float[] x = arguments();
    for (int offset = 0; offset < 3; offset++) {
      float[] t = x.clone();
      float[] s = x.clone();
      FastMath.tanh(t, offset, x.length - offset);
      FastMath.sigmoid(s, offset, x.length - offset);
      for (int i = offset; i < x.length; i++) {
        if (Float.floatToRawIntBits(t[i]) != Float.floatToRawIntBits(FastMath.tanh(x[i]))
            || Float.floatToRawIntBits(s[i]) != Float.floatToRawIntBits(FastMath.sigmoid(x[i]))) {
          fail("vector and scalar differ at x = " + x[i] + ", offset " + offset);
        }
      }
    }
  }
}
