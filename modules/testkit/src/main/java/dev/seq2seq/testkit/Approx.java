package dev.seq2seq.testkit;

import static org.assertj.core.api.Assertions.fail;

import java.util.Locale;

/** Element-wise comparisons that name the first offending index, with mixed tolerances. */
public final class Approx {
  private Approx() {}

  /**
   * Asserts {@code |a - e| <= abs + rel * |e|} for every element, and equal lengths.
   *
   * @param what what is compared, for the failure message
   */
  public static void assertClose(float[] actual, float[] expected, double abs, double rel,
      String what) {
    if (actual.length != expected.length) {
      fail(what + ": " + actual.length + " elements, expected " + expected.length);
    }
    for (int i = 0; i < actual.length; i++) {
      double e = expected[i];
      double err = Math.abs(actual[i] - e);
      if (!(err <= abs + rel * Math.abs(e))) {
        fail(String.format(Locale.ROOT, "%s[%d] = %.8g, expected %.8g (error %.3g)", what, i,
            actual[i], e, err));
      }
    }
  }

  /** Largest {@code |a - e| / max(1, |e|)}: absolute for small values, relative for large. */
  public static double maxMixedError(float[] actual, float[] expected) {
    double max = 0;
    for (int i = 0; i < Math.min(actual.length, expected.length); i++) {
      double err = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
      max = Double.isNaN(err) ? Double.NaN : Math.max(max, err);
    }
    return max;
  }

  /** Asserts {@link #maxMixedError} is within {@code tol}. */
  public static void assertMixed(float[] actual, float[] expected, double tol, String what) {
    if (actual.length != expected.length) {
      fail(what + ": " + actual.length + " elements, expected " + expected.length);
    }
    for (int i = 0; i < actual.length; i++) {
      double err = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
      if (!(err <= tol)) {
        fail(String.format(Locale.ROOT, "%s[%d] = %.8g, expected %.8g (mixed error %.3g > %.1g)",
            what, i, actual[i], expected[i], err, tol));
      }
    }
  }
}
