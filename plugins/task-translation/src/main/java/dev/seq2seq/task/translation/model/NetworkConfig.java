package dev.seq2seq.task.translation.model;

import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.plugin.ExtensionPoint;

/**
 * The {@code model.network} section of a translation recipe, chosen by {@code type} ({@code
 * mt-small}, {@code rnn}). Plugins add networks with {@code ConfigTypes.register(binder(),
 * NetworkConfig.class, "name", Record.class)}.
 */
@ExtensionPoint("translation-network")
public interface NetworkConfig {

  /** Builds the network's parameters in {@code store} (seeded, so every backend agrees). */
  TranslationModel build(
      ParameterStore store, int sourceVocabulary, int targetVocabulary, double labelSmoothing);
}
