package dev.seq2seq.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named curve: y against x, point by point. Non-finite y values are gaps (a diverged loss, a
 * metric not computed at that step). The arrays are copied in and out, so a record stays what it
 * was when made.
 */
public record Series(String name, double[] x, double[] y) {
  public Series {
    Objects.requireNonNull(name, "name");
    x = x.clone();
    y = y.clone();
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "series '" + name + "': " + x.length + " x values but " + y.length + " y values");
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("series '" + name + "' has no points");
    }
    for (double v : x) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("series '" + name + "' has a non-finite x value");
      }
    }
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  public int size() {
    return x.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Series s
        && name.equals(s.name)
        && Arrays.equals(x, s.x)
        && Arrays.equals(y, s.y);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y));
  }

  @Override
  public String toString() {
    return "Series[" + name + ", " + x.length + " points]";
  }
}
