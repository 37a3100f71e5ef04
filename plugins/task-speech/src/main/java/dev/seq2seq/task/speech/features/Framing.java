package dev.seq2seq.task.speech.features;

/** The window/hop/FFT part shared by the log-mel and MFCC records, in samples for one rate. */
record Framing(int window, int hop, int fftSize) {
  /**
   * Rounds the way the peer does ({@code int(0.025 * rate)}: truncation of the same double
   * product), so 25 ms at 8 kHz is exactly 200 samples. {@code fftSize} 0 means the window length.
   */
  static Framing of(double windowMs, double hopMs, int fftSize, int rate) {
    int window = (int) (windowMs / 1000.0 * rate);
    int hop = (int) (hopMs / 1000.0 * rate);
    if (window < 1 || hop < 1) {
      throw new IllegalArgumentException(windowMs + " ms window / " + hopMs + " ms hop is under one sample at " + rate + " Hz");
    }
    int n = fftSize == 0 ? window : fftSize;
    if (n < window) {
      throw new IllegalArgumentException("fft_size " + fftSize + " is shorter than the " + window + "-sample window");
    }
    return new Framing(window, hop, n);
  }

  Spectrogram spectrogram() {
    return new Spectrogram(window, hop, fftSize);
  }

  static double fMax(double fMax, int rate) {
    return fMax > 0 ? fMax : rate / 2;
  }
}
