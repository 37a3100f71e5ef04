package dev.seq2seq.task.speech.features;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Short-time power spectrum as {@code torch.stft} computes it for {@code torchaudio}'s
 * {@code MelSpectrogram} defaults: periodic Hann window of {@code windowLength} samples centred in
 * an {@code fftSize}-point frame, signal padded by {@code fftSize / 2} on both sides by reflection
 * ({@code center=True, pad_mode="reflect"}), one-sided |X|².
 */
public final class Spectrogram {
  private final int fftSize;
  private final int hop;
  private final double[] window; // fftSize long, zero outside the centred window
  private final DoubleFFT_1D fft;

  public Spectrogram(int windowLength, int hop, int fftSize) {
    if (windowLength <= 0 || hop <= 0 || fftSize < windowLength) {
      throw new IllegalArgumentException("need 0 < window (" + windowLength + ") <= FFT size ("
          + fftSize + ") and hop > 0 (" + hop + ")");
    }
    this.fftSize = fftSize;
    this.hop = hop;
    this.window = new double[fftSize];
    int left = (fftSize - windowLength) / 2;
    for (int i = 0; i < windowLength; i++) {
      // Periodic (not symmetric) Hann: torch.hann_window's default, period = windowLength.
      window[left + i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / windowLength);
    }
    this.fft = new DoubleFFT_1D(fftSize);
  }

  public int bins() {
    return fftSize / 2 + 1;
  }

  /** Frames for a signal of {@code n} samples: {@code 1 + n / hop} with centring. */
  public int frames(int n) {
    return 1 + n / hop;
  }

  /** Power spectrum, {@code [frames][bins]}. */
  public double[][] power(float[] x) {
    int pad = fftSize / 2;
    int frames = frames(x.length);
    double[][] out = new double[frames][bins()];
    double[] buf = new double[2 * fftSize];
    for (int f = 0; f < frames; f++) {
      int start = f * hop - pad;
      java.util.Arrays.fill(buf, 0);
      for (int i = 0; i < fftSize; i++) {
        buf[i] = window[i] == 0 ? 0 : x[reflect(start + i, x.length)] * window[i];
      }
      // Full complex output keeps the indexing the same for odd FFT sizes (e.g. 25 ms at 44.1 kHz).
      fft.realForwardFull(buf);
      double[] row = out[f];
      for (int k = 0; k < row.length; k++) {
        double re = buf[2 * k];
        double im = buf[2 * k + 1];
        row[k] = re * re + im * im;
      }
    }
    return out;
  }

  /** Index into a signal mirrored at both ends without repeating the edge sample (numpy "reflect"). */
  static int reflect(int i, int n) {
    if (n == 1) {
      return 0;
    }
    int period = 2 * (n - 1);
    int m = Math.floorMod(i, period);
    return m < n ? m : period - m;
  }
}
