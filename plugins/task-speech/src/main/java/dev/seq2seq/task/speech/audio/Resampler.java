package dev.seq2seq.task.speech.audio;

/**
 * Band-limited sample-rate conversion: a Kaiser-windowed sinc low-pass evaluated at each output
 * instant (polyphase: for a rational ratio the filter phases repeat, so they are tabulated once).
 *
 * <p>The cutoff sits at {@code rolloff} times the lower of the two Nyquist frequencies, so that
 * when downsampling the transition band ends at the new Nyquist and content above it is removed
 * instead of aliasing. With 32 zero crossings per side and Kaiser beta 8.6 the stop band is
 * attenuated by about 85 dB. The JDK's {@code AudioSystem} converter interpolates without such a
 * filter, which is why it is not used.
 */
public final class Resampler {
  /** Phases beyond this are computed per output sample rather than tabulated (odd rate pairs). */
  private static final int MAX_TABLE_PHASES = 4096;

  private final int from;
  private final int to;
  private final int up; // L: output samples per period
  private final int down; // M: input samples per period
  private final double cutoff; // cycles per input sample
  private final int half; // taps each side of the centre
  private final double beta;
  private final double i0Beta;
  private final double[][] table; // [phase][2 * half + 1], or null

  public Resampler(int fromRate, int toRate) {
    this(fromRate, toRate, 32, 0.92, 8.6);
  }

  /**
   * @param zeroCrossings sinc zero crossings each side (longer = sharper transition)
   * @param rolloff cutoff as a fraction of the lower Nyquist frequency
   * @param beta Kaiser window shape (stop-band attenuation ≈ 8.7 + beta / 0.1102 dB)
   */
  public Resampler(int fromRate, int toRate, int zeroCrossings, double rolloff, double beta) {
    if (fromRate <= 0 || toRate <= 0) {
      throw new IllegalArgumentException("sample rates must be positive, got " + fromRate + " → " + toRate);
    }
    this.from = fromRate;
    this.to = toRate;
    int g = gcd(fromRate, toRate);
    this.up = toRate / g;
    this.down = fromRate / g;
    this.cutoff = 0.5 * rolloff * Math.min(1.0, (double) toRate / fromRate);
    this.half = (int) Math.ceil(zeroCrossings / (2 * cutoff));
    this.beta = beta;
    this.i0Beta = besselI0(beta);
    if (fromRate != toRate && up <= MAX_TABLE_PHASES) {
      table = new double[up][];
      for (int p = 0; p < up; p++) {
        table[p] = taps(p / (double) up);
      }
    } else {
      table = null;
    }
  }

  public int fromRate() {
    return from;
  }

  public int toRate() {
    return to;
  }

  public Audio apply(Audio audio) {
    if (audio.sampleRate() != from) {
      throw new IllegalArgumentException(
          "resampler built for " + from + " Hz was given " + audio.sampleRate() + " Hz audio");
    }
    return new Audio(apply(audio.samples()), to);
  }

  /** Resamples {@code x}; the output has {@code ceil(n * to / from)} samples, aligned at t = 0. */
  public float[] apply(float[] x) {
    if (from == to) {
      return x.clone();
    }
    int n = (int) Math.ceil((double) x.length * up / down);
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      long pos = (long) i * down; // output instant in units of 1/up input samples
      int base = (int) (pos / up);
      int phase = (int) (pos % up);
      double[] h = table != null ? table[phase] : taps(phase / (double) up);
      double acc = 0;
      int lo = Math.max(-half, -base);
      int hi = Math.min(half, x.length - 1 - base);
      for (int k = lo; k <= hi; k++) {
        acc += x[base + k] * h[k + half];
      }
      y[i] = (float) acc;
    }
    return y;
  }

  /** Filter taps for an output instant {@code frac} input samples after a sample, normalised to unit DC gain. */
  private double[] taps(double frac) {
    double[] h = new double[2 * half + 1];
    double extent = half + 1;
    double sum = 0;
    for (int k = -half; k <= half; k++) {
      double t = k - frac;
      double v = 2 * cutoff * sinc(2 * cutoff * t) * kaiser(t / extent);
      h[k + half] = v;
      sum += v;
    }
    // Normalising each phase keeps a constant signal constant; without it the phases' gains
    // differ in the ~1e-4 range and a DC offset picks up a ripple at the phase period.
    for (int k = 0; k < h.length; k++) {
      h[k] /= sum;
    }
    return h;
  }

  private static double sinc(double x) {
    if (Math.abs(x) < 1e-12) {
      return 1;
    }
    double px = Math.PI * x;
    return Math.sin(px) / px;
  }

  private double kaiser(double x) {
    if (Math.abs(x) >= 1) {
      return 0;
    }
    return besselI0(beta * Math.sqrt(1 - x * x)) / i0Beta;
  }

  /** Modified Bessel function of the first kind, order 0, by its power series. */
  static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double q = x * x / 4;
    for (int k = 1; k < 200; k++) {
      term *= q / ((double) k * k);
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return sum;
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
