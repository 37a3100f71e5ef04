package dev.seq2seq.task.speech.features;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.OneOf;
import dev.seq2seq.recipe.config.Positive;

@Doc("Log-mel filterbank energies as torchaudio's MelSpectrogram computes them (periodic Hann"
    + " window, reflect-padded centred frames, power spectrum, triangular mel filters), then"
    + " log(energy + log_offset), per-utterance normalisation and frame stacking.")
public record LogMelConfig(
    @Doc("Mel filters.") @Default("40") @Positive int nMels,
    @Doc("Analysis window, milliseconds.") @Default("25") @Positive double windowMs,
    @Doc("Step between frames, milliseconds.") @Default("10") @Positive double hopMs,
    @Doc("FFT points; 0 = the window length in samples.") @Default("0") @Min(0) int fftSize,
    @Doc("Lowest filter edge, Hz.") @Default("0") @Min(0) double fMin,
    @Doc("Highest filter edge, Hz; 0 = half the sample rate.") @Default("0") @Min(0) double fMax,
    @Doc("Mel scale: htk (torchaudio's default) or slaney.") @Default("htk") @OneOf({"htk", "slaney"}) String melScale,
    @Doc("Added to each energy before the natural log.") @Default("1e-6") @Positive double logOffset,
    @Doc("Normalise each dimension to zero mean, unit variance over the utterance.") @Default("true") boolean normalize,
    @Doc("Consecutive frames concatenated into one step (also divides the step rate).") @Default("2") @Positive int stack)
    implements FeaturesConfig {

  /** The asr-small benchmark's features: 40 mels, 25/10 ms, normalised, 2 frames stacked. */
  public static LogMelConfig defaults() {
    return new LogMelConfig(40, 25, 10, 0, 0, 0, "htk", 1e-6, true, 2);
  }

  @Override
  public FeatureExtractor build(int sampleRate) {
    Framing fr = Framing.of(windowMs, hopMs, fftSize, sampleRate);
    MelFilterbank mel = new MelFilterbank(nMels, fr.fftSize() / 2 + 1, sampleRate, fMin,
        Framing.fMax(fMax, sampleRate), MelScale.of(melScale));
    return new FeatureExtractor(sampleRate, fr.spectrogram(), mel, logOffset, null, normalize, stack);
  }

  @Override
  public int dims() {
    return nMels * stack;
  }
}
