package dev.seq2seq.task.speech.features;

/** Hertz ↔ mel conversions, as {@code torchaudio.functional} defines them. */
public enum MelScale {
  /** 2595 log10(1 + f / 700): torchaudio's default and the peer's. */
  HTK {
    @Override
    public double toMel(double hz) {
      return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    @Override
    public double toHz(double mel) {
      return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }
  },
  /** Slaney's Auditory Toolbox: linear below 1 kHz, logarithmic above (librosa's default). */
  SLANEY {
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    @Override
    public double toMel(double hz) {
      return hz < MIN_LOG_HZ ? hz / F_SP : MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP;
    }

    @Override
    public double toHz(double mel) {
      return mel < MIN_LOG_MEL ? mel * F_SP : MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL));
    }
  };

  public abstract double toMel(double hz);

  public abstract double toHz(double mel);

  /** {@code htk} or {@code slaney}, as recipes spell them. */
  public static MelScale of(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
