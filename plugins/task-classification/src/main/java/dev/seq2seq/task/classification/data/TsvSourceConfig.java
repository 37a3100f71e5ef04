package dev.seq2seq.task.classification.data;

import dev.seq2seq.util.TextLines;
import dev.seq2seq.recipe.config.Doc;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Doc("One file of label<TAB>text lines (the text may hold further tabs); path relative to the"
    + " recipe file. Labels are ordered by first appearance. Blank lines are skipped.")
public record TsvSourceConfig(@Doc("The TSV file.") Path file) implements SourceConfig {

  @Override
  public Labeled read(Charset charset) {
    List<LabeledSentence> out = new ArrayList<>();
    Set<String> labels = new LinkedHashSet<>();
    try (TextLines lines = TextLines.open(file, charset, DataException::new)) {
      String line;
      while ((line = lines.next()) != null) {
        if (line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        String where = file + ":" + lines.lineNumber();
        if (tab < 0) {
          throw new DataException(where + ": no tab; expected label<TAB>text");
        }
        String label = line.substring(0, tab).strip();
        if (label.isEmpty()) {
          throw new DataException(where + ": empty label before the tab");
        }
        labels.add(label);
        out.add(new LabeledSentence(label, line.substring(tab + 1), where));
      }
    }
    if (out.isEmpty()) {
      throw new DataException(file + ": empty file (no label<TAB>text lines)");
    }
    if (labels.size() < 2) {
      throw new DataException(file + ": only one label (" + labels + "); classification needs two"
          + " or more");
    }
    return new Labeled(List.copyOf(labels), out);
  }
}
