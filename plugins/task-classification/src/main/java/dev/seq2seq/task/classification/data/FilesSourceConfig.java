package dev.seq2seq.task.classification.data;

import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Violation;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Doc("One text file per label, one sentence a line: {label: file, ...}; paths relative to the"
    + " recipe file. The labels keep the order written.")
public record FilesSourceConfig(@Doc("Label to file.") Map<String, Path> files)
    implements SourceConfig, Checked {

  @Override
  public List<Violation> validate() {
    return files.size() < 2
        ? List.of(Violation.at("files", "needs at least two labels, found " + files.keySet()))
        : List.of();
  }

  @Override
  public Labeled read(Charset charset) {
    List<LabeledSentence> out = new ArrayList<>();
    files.forEach((label, file) -> SourceConfig.readLabelFile(file, label, charset, out));
    return new Labeled(List.copyOf(files.keySet()), out);
  }
}
