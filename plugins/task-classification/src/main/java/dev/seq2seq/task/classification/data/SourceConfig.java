package dev.seq2seq.task.classification.data;

import dev.seq2seq.util.TextLines;
import dev.seq2seq.plugin.ExtensionPoint;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Where a classification recipe's sentences come from ({@code data.source}), chosen by {@code
 * type}: {@code catalogue}, {@code files} or {@code tsv}. Plugins add kinds with {@code
 * ConfigTypes.register(binder(), SourceConfig.class, "name", Record.class)}.
 */
@ExtensionPoint("classification-source")
public interface SourceConfig {

  /**
   * Every labelled line, in file order; blank lines are kept (the caller decides) and the labels
   * in the order the source defines them.
   *
   * @throws DataException naming the file (and line) when the data is missing or malformed
   */
  Labeled read(Charset charset);

  /** The sentences and the label set, in the source's order (file order, or first appearance). */
  record Labeled(List<String> labels, List<LabeledSentence> sentences) {
    public Labeled {
      labels = List.copyOf(labels);
      sentences = List.copyOf(sentences);
    }
  }

  /** Reads one file whose every line has the same label; an empty file is an error. */
  static void readLabelFile(
      java.nio.file.Path file, String label, Charset charset, List<LabeledSentence> out) {
    int before = out.size();
    try (TextLines lines = TextLines.open(file, charset, DataException::new)) {
      String line;
      while ((line = lines.next()) != null) {
        out.add(new LabeledSentence(label, line, file + ":" + lines.lineNumber()));
      }
    }
    if (out.size() == before) {
      throw new DataException(file + ": empty file (label '" + label + "' needs sentences)");
    }
  }
}
