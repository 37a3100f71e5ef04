package dev.seq2seq.task.speech.features;

import dev.seq2seq.task.speech.audio.Audio;

/**
 * Audio → {@code [steps][dims]} features for one sample rate: power spectrogram, mel filterbank,
 * {@code log(mel + offset)}, optionally a DCT (MFCC), per-utterance normalisation and frame
 * stacking. Immutable and thread-safe; build one per rate from a {@link FeaturesConfig}.
 */
public final class FeatureExtractor {
  private final int sampleRate;
  private final Spectrogram spectrogram;
  private final MelFilterbank mel;
  private final double logOffset;
  private final double[][] dct; // null for log-mel
  private final boolean normalize;
  private final int stack;

  public FeatureExtractor(int sampleRate, Spectrogram spectrogram, MelFilterbank mel,
      double logOffset, double[][] dct, boolean normalize, int stack) {
    this.sampleRate = sampleRate;
    this.spectrogram = spectrogram;
    this.mel = mel;
    this.logOffset = logOffset;
    this.dct = dct;
    this.normalize = normalize;
    this.stack = stack;
  }

  /** Dimensions of one output step (after stacking). */
  public int dims() {
    return (dct != null ? dct.length : mel.size()) * stack;
  }

  public int sampleRate() {
    return sampleRate;
  }

  public float[][] apply(Audio audio) {
    if (audio.sampleRate() != sampleRate) {
      throw new IllegalArgumentException("features built for " + sampleRate + " Hz were given "
          + audio.sampleRate() + " Hz audio: resample it first");
    }
    return apply(audio.samples());
  }

  /** Features before normalisation and stacking, {@code [frames][n_mels or n_mfcc]}. */
  public double[][] raw(float[] samples) {
    double[][] power = spectrogram.power(samples);
    double[][] out = new double[power.length][];
    for (int f = 0; f < power.length; f++) {
      double[] m = mel.apply(power[f]);
      for (int i = 0; i < m.length; i++) {
        m[i] = Math.log(m[i] + logOffset);
      }
      out[f] = dct == null ? m : multiply(dct, m);
    }
    return out;
  }

  public float[][] apply(float[] samples) {
    double[][] raw = raw(samples);
    float[][] x = normalize ? FrameOps.normalize(raw) : FrameOps.toFloat(raw);
    return FrameOps.stack(x, stack);
  }

  private static double[] multiply(double[][] m, double[] v) {
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      double s = 0;
      for (int j = 0; j < v.length; j++) {
        s += m[i][j] * v[j];
      }
      out[i] = s;
    }
    return out;
  }
}
