package dev.seq2seq.task.translation.text;

import dev.seq2seq.plugin.ExtensionPoint;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code tokenizer} section of a translation recipe, chosen by {@code type} ({@code word},
 * {@code char}, {@code bpe}). Plugins add kinds with {@code ConfigTypes.register(binder(),
 * TokenizerConfig.class, "name", Record.class)}.
 */
@ExtensionPoint("tokenizer")
public interface TokenizerConfig {

  /**
   * Builds the source and target tokenizers; learned kinds read the training sentences (each
   * iterable may be walked more than once and is streamed, not held in memory).
   */
  TokenizerPair build(Iterable<String> source, Iterable<String> target);

  /** Rebuilds the pair that {@link TokenizerPair#save} wrote into {@code folder}. */
  TokenizerPair load(Path folder) throws IOException;
}
