package dev.seq2seq.check;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded test data for the checks. Every check derives its generator from its own name, so the
 * data of one check does not depend on which other checks ran before it, and every backend sees
 * exactly the same numbers.
 */
public final class CheckData {
  private final Backend backend;
  private final SplittableRandom rng;

  private CheckData(Backend backend, SplittableRandom rng) {
    this.backend = backend;
    this.rng = rng;
  }

  /** Data for the check called {@code name}. */
  public static CheckData forName(Backend backend, String name) {
    long h = 0xcbf29ce484222325L; // FNV-1a: stable across JVMs, unlike String.hashCode's spread
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return new CheckData(backend, new SplittableRandom(h));
  }

  public Backend backend() {
    return backend;
  }

  /** Uniform on {@code [lo, hi)}. */
  public float[] uniformArray(int n, double lo, double hi) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (lo + (hi - lo) * rng.nextDouble());
    }
    return v;
  }

  /** A FLOAT32 tensor uniform on {@code [lo, hi)}. */
  public Tensor uniform(double lo, double hi, int... shape) {
    return backend.of(uniformArray(size(shape), lo, hi), shape);
  }

  /** Magnitudes in {@code [min, max)} with random signs: data kept away from a kink at 0. */
  public Tensor awayFromZero(double min, double max, int... shape) {
    float[] v = uniformArray(size(shape), min, max);
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextBoolean() ? v[i] : -v[i];
    }
    return backend.of(v, shape);
  }

  /**
   * A random permutation of {@code {0, 1, ..., n-1} * spacing} shifted to be centred on 0: all
   * elements distinct by at least {@code spacing}, so a maximum never ties within a small step.
   */
  public Tensor distinct(double spacing, int... shape) {
    int n = size(shape);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) ((i - (n - 1) / 2.0) * spacing);
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      float t = v[i];
      v[i] = v[j];
      v[j] = t;
    }
    return backend.of(v, shape);
  }

  /** INT32 values uniform on {@code [0, bound)}. */
  public Tensor ints(int bound, int... shape) {
    int[] v = new int[size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextInt(bound);
    }
    return backend.ofInts(v, shape);
  }

  static int size(int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }
}
