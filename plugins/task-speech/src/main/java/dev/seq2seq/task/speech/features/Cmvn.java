package dev.seq2seq.task.speech.features;

import java.util.List;

/**
 * Global mean/variance normalisation: per-dimension statistics of the training features, applied
 * to every utterance (on top of any per-utterance normalisation), saved with the model.
 */
public record Cmvn(float[] mean, float[] std) {

  public Cmvn {
    if (mean.length != std.length) {
      throw new IllegalArgumentException("CMVN mean has " + mean.length + " dimensions, std "
          + std.length);
    }
  }

  /** Statistics over every step of every utterance. */
  public static Cmvn of(List<float[][]> utterances, int dims) {
    double[] sum = new double[dims];
    double[] squares = new double[dims];
    long n = 0;
    for (float[][] u : utterances) {
      for (float[] step : u) {
        for (int d = 0; d < dims; d++) {
          sum[d] += step[d];
          squares[d] += (double) step[d] * step[d];
        }
        n++;
      }
    }
    float[] mean = new float[dims];
    float[] std = new float[dims];
    for (int d = 0; d < dims; d++) {
      double m = n == 0 ? 0 : sum[d] / n;
      double var = n == 0 ? 1 : Math.max(0, squares[d] / n - m * m);
      mean[d] = (float) m;
      std[d] = (float) Math.sqrt(var + 1e-10);
    }
    return new Cmvn(mean, std);
  }

  /** Normalises {@code x} in place. */
  public float[][] apply(float[][] x) {
    for (float[] step : x) {
      if (step.length != mean.length) {
        throw new IllegalArgumentException("features have " + step.length
            + " dimensions, the CMVN statistics " + mean.length);
      }
      for (int d = 0; d < step.length; d++) {
        step[d] = (step[d] - mean[d]) / std[d];
      }
    }
    return x;
  }
}
