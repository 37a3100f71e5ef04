package dev.seq2seq.task.speech.features;

import dev.seq2seq.plugin.ExtensionPoint;

/**
 * The {@code features} section of a speech recipe, chosen by {@code type} ({@code log_mel},
 * {@code mfcc}). Plugins add kinds with {@code ConfigTypes.register(binder(),
 * FeaturesConfig.class, "name", Record.class)}.
 */
@ExtensionPoint("features")
public interface FeaturesConfig {
  /** The extractor for audio at {@code sampleRate} (filters depend on the rate). */
  FeatureExtractor build(int sampleRate);

  /** Dimensions of one step of the model's input, after stacking. */
  int dims();
}
