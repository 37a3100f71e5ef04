package dev.seq2seq.task.translation.text;

import dev.seq2seq.plugin.ExtensionPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a sentence into tokens and tokens back into plain text. Implementations are immutable and
 * safe to share between threads; a learned tokenizer (BPE) carries what it learned and writes it
 * with {@link #save}.
 */
@ExtensionPoint("tokenizer")
public interface Tokenizer {

  /** The tokens of {@code text}; never contains empty strings or whitespace-only tokens. */
  List<String> encode(String text);

  /** Plain text for {@code tokens}: the inverse of {@link #encode} up to normalisation. */
  String decode(List<String> tokens);

  /**
   * Writes what this tokenizer learned into {@code folder} under names starting with {@code
   * prefix}; stateless tokenizers write nothing. {@link TokenizerConfig#load} reads it back.
   */
  default void save(Path folder, String prefix) throws IOException {}
}
