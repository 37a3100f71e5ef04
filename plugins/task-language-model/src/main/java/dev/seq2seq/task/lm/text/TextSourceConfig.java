package dev.seq2seq.task.lm.text;

import dev.seq2seq.plugin.ExtensionPoint;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a language model's text comes from ({@code data.text}), chosen by {@code type}: {@code
 * dataset} (a catalogue entry) or {@code file}. Plugins add kinds with {@code
 * ConfigTypes.register(binder(), TextSourceConfig.class, "name", Record.class)}.
 */
@ExtensionPoint("text-source")
public interface TextSourceConfig {

  /** The text file to read, made available first where needed (a dataset is resolved). */
  Path textFile() throws IOException;
}
