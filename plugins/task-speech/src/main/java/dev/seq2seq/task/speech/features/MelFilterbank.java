package dev.seq2seq.task.speech.features;

/**
 * Triangular mel filters over the one-sided FFT bins, built like
 * {@code torchaudio.functional.melscale_fbanks(norm=None)}: {@code nMels + 2} points evenly spaced
 * in mel between {@code fMin} and {@code fMax}, each filter rising from one point to the next and
 * falling to the one after, evaluated at the bin frequencies {@code linspace(0, rate / 2, bins)}.
 *
 * <p>At 8 kHz with a 200-point FFT the lowest filters are narrower than one bin and some are all
 * zero; torchaudio keeps them (it only warns), and so does this class, so that the features match
 * the peer's. The log offset keeps those channels finite.
 */
public final class MelFilterbank {
  private final double[][] weights; // [nMels][bins]
  /** Per filter, the bins {@code [first, end)} outside which its weight is zero. */
  private final int[] first;
  private final int[] end;

  public MelFilterbank(int nMels, int bins, int sampleRate, double fMin, double fMax, MelScale scale) {
    if (nMels <= 0 || bins < 2 || fMin < 0 || fMax <= fMin || fMax > sampleRate / 2.0 + 1e-9) {
      throw new IllegalArgumentException("bad mel filterbank: n_mels=" + nMels + ", f_min=" + fMin
          + ", f_max=" + fMax + " at " + sampleRate + " Hz (need 0 <= f_min < f_max <= rate / 2)");
    }
    double[] binHz = new double[bins];
    for (int k = 0; k < bins; k++) {
      // torch.linspace(0, sample_rate // 2, n_freqs): note the integer Nyquist.
      binHz[k] = (sampleRate / 2) * (double) k / (bins - 1);
    }
    double mMin = scale.toMel(fMin);
    double mMax = scale.toMel(fMax);
    double[] pts = new double[nMels + 2];
    for (int i = 0; i < pts.length; i++) {
      pts[i] = scale.toHz(mMin + (mMax - mMin) * i / (nMels + 1));
    }
    weights = new double[nMels][bins];
    for (int m = 0; m < nMels; m++) {
      double lo = pts[m];
      double mid = pts[m + 1];
      double hi = pts[m + 2];
      for (int k = 0; k < bins; k++) {
        double down = (binHz[k] - lo) / (mid - lo);
        double up = (hi - binHz[k]) / (hi - mid);
        weights[m][k] = Math.max(0, Math.min(down, up));
      }
    }
    first = new int[nMels];
    end = new int[nMels];
    for (int m = 0; m < nMels; m++) {
      int a = 0;
      int b = bins;
      while (a < b && weights[m][a] == 0) {
        a++;
      }
      while (b > a && weights[m][b - 1] == 0) {
        b--;
      }
      first[m] = a;
      end[m] = b;
    }
  }

  public int size() {
    return weights.length;
  }

  /** The filter weights, {@code [nMels][bins]} (a copy). */
  public double[][] weights() {
    double[][] c = new double[weights.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = weights[i].clone();
    }
    return c;
  }

  /** Mel energies of one power spectrum frame. */
  public double[] apply(double[] power) {
    double[] out = new double[weights.length];
    for (int m = 0; m < weights.length; m++) {
      double[] w = weights[m];
      double s = 0;
      // Only the filter's own bins: each filter spans a few of them, and the terms skipped are
      // exact zeros (power is finite), so the sum is the same to the bit.
      for (int k = first[m]; k < end[m]; k++) {
        s += w[k] * power[k];
      }
      out[m] = s;
    }
    return out;
  }
}
