package dev.seq2seq.task.speech.audio;

/**
 * Mono audio as float samples in [-1, 1].
 *
 * <p>The array is shared, not copied: callers treat it as read-only, because utterances are
 * large and copied on every pipeline step otherwise.
 */
public record Audio(float[] samples, int sampleRate) {
  public Audio {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
    }
  }

  public int length() {
    return samples.length;
  }

  /** Duration in seconds. */
  public double seconds() {
    return samples.length / (double) sampleRate;
  }
}
