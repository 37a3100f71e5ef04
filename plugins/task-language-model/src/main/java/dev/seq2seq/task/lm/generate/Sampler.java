package dev.seq2seq.task.lm.generate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Draws the next token from logits: divide by the temperature, keep the {@code topK} largest
 * (ties to the lower id; 0 keeps all), softmax, then one draw from the generator. Computed in
 * double precision on the host, so a seed gives the same text on every backend that computes the
 * same logits. {@code topK = 1} is greedy decoding.
 */
public final class Sampler {
  private final double temperature;
  private final int topK;

  public Sampler(double temperature, int topK) {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be a finite number > 0, got " + temperature);
    }
    if (topK < 0) {
      throw new IllegalArgumentException("top-k must be >= 0 (0: no limit), got " + topK);
    }
    this.temperature = temperature;
    this.topK = topK;
  }

  /**
   * The distribution a draw follows.
   *
   * @param banned a token id that is never drawn (the unknown token), or -1
   */
  public double[] distribution(float[] logits, int banned) {
    int n = logits.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -logits[i]).thenComparingInt(i -> i));
    int limit = topK == 0 ? n : topK;
    double[] p = new double[n];
    double max = Double.NEGATIVE_INFINITY;
    int kept = 0;
    for (int r = 0; r < n && kept < limit; r++) {
      int i = order[r];
      if (i == banned || Float.isNaN(logits[i])) {
        continue;
      }
      p[i] = 1; // marks the candidates
      max = Math.max(max, logits[i] / temperature);
      kept++;
    }
    if (kept == 0) {
      throw new IllegalArgumentException("no token can be drawn from " + n + " logits");
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (p[i] > 0) {
        p[i] = Math.exp(logits[i] / temperature - max);
        sum += p[i];
      }
    }
    for (int i = 0; i < n; i++) {
      p[i] /= sum;
    }
    return p;
  }

  /** One draw from {@link #distribution}. */
  public int sample(float[] logits, int banned, SplittableRandom rng) {
    double[] p = distribution(logits, banned);
    double u = rng.nextDouble();
    double cumulative = 0;
    int last = -1;
    for (int i = 0; i < p.length; i++) {
      if (p[i] > 0) {
        cumulative += p[i];
        last = i;
        if (u < cumulative) {
          return i;
        }
      }
    }
    return last; // u within rounding of 1
  }
}
