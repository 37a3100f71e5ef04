package dev.seq2seq.task.speech.audio;

/**
 * Plays audio faster or slower, tempo and pitch together (Ko et al. 2015): resample to
 * {@code rate / speed} and keep calling it {@code rate}. The speed is rounded so that the
 * resampling ratio has a short period ({@code rate / 160} steps, 50 Hz at 8 kHz), which keeps the
 * polyphase filter table small; {@link #actualSpeed} says what was used.
 */
public final class SpeedPerturbation {
  private final int rate;
  private final int target;
  private final Resampler resampler; // null for speed 1

  public SpeedPerturbation(int sampleRate, double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive, got " + speed);
    }
    this.rate = sampleRate;
    int step = Math.max(1, sampleRate / 160);
    this.target = (int) Math.max(step, Math.round(sampleRate / speed / step) * step);
    this.resampler = target == sampleRate ? null : new Resampler(sampleRate, target);
  }

  /** The speed after rounding the ratio. */
  public double actualSpeed() {
    return (double) rate / target;
  }

  /** {@code audio} (at the rate given to the constructor) played at the speed. */
  public Audio apply(Audio audio) {
    if (audio.sampleRate() != rate) {
      throw new IllegalArgumentException(
          "audio at " + audio.sampleRate() + " Hz given to a perturbation for " + rate + " Hz");
    }
    if (resampler == null) {
      return audio;
    }
    return new Audio(resampler.apply(audio).samples(), rate);
  }
}
