package dev.seq2seq.task.speech.features;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.OneOf;
import dev.seq2seq.recipe.config.Positive;

@Doc("Mel-frequency cepstral coefficients: the orthonormal DCT-II of the log-mel energies"
    + " (natural log, as log_mel computes them), keeping the first n_mfcc, then per-utterance"
    + " normalisation and frame stacking.")
public record MfccConfig(
    @Doc("Coefficients kept (at most n_mels).") @Default("13") @Positive int nMfcc,
    @Doc("Mel filters.") @Default("40") @Positive int nMels,
    @Doc("Analysis window, milliseconds.") @Default("25") @Positive double windowMs,
    @Doc("Step between frames, milliseconds.") @Default("10") @Positive double hopMs,
    @Doc("FFT points; 0 = the window length in samples.") @Default("0") @Min(0) int fftSize,
    @Doc("Lowest filter edge, Hz.") @Default("0") @Min(0) double fMin,
    @Doc("Highest filter edge, Hz; 0 = half the sample rate.") @Default("0") @Min(0) double fMax,
    @Doc("Mel scale: htk or slaney.") @Default("htk") @OneOf({"htk", "slaney"}) String melScale,
    @Doc("Added to each energy before the natural log.") @Default("1e-6") @Positive double logOffset,
    @Doc("Normalise each coefficient to zero mean, unit variance over the utterance.") @Default("true") boolean normalize,
    @Doc("Consecutive frames concatenated into one step.") @Default("1") @Positive int stack)
    implements FeaturesConfig {

  public MfccConfig {
    if (nMfcc > nMels) {
      throw new IllegalArgumentException("n_mfcc (" + nMfcc + ") cannot exceed n_mels (" + nMels + ")");
    }
  }

  @Override
  public FeatureExtractor build(int sampleRate) {
    Framing fr = Framing.of(windowMs, hopMs, fftSize, sampleRate);
    MelFilterbank mel = new MelFilterbank(nMels, fr.fftSize() / 2 + 1, sampleRate, fMin,
        Framing.fMax(fMax, sampleRate), MelScale.of(melScale));
    return new FeatureExtractor(sampleRate, fr.spectrogram(), mel, logOffset,
        FrameOps.dct(nMfcc, nMels), normalize, stack);
  }

  @Override
  public int dims() {
    return nMfcc * stack;
  }
}
