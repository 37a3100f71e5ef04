package dev.seq2seq.task.speech.data;

import dev.seq2seq.plugin.ExtensionPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where a speech recipe's utterances come from, chosen by {@code data.corpus.type} ({@code fsdd},
 * {@code fsdd_connected}, {@code manifest}).
 */
@ExtensionPoint("speech-corpus")
public interface CorpusConfig {

  /**
   * Lists the corpus (audio is read later, when features are computed).
   *
   * @param fsdd the FSDD recordings folder from the dataset catalogue, asked for only when needed
   * @param seed the recipe seed, for generated corpora
   */
  Corpus load(Supplier<Path> fsdd, long seed) throws IOException;
}
