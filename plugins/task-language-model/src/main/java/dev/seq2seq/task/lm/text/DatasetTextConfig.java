package dev.seq2seq.task.lm.text;

import dev.seq2seq.data.DataFile;
import dev.seq2seq.data.DatasetResolver;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

@Doc("A text file of a catalogue dataset (see `seq2seq data list`), from the mirror, the cache or"
    + " a verified download.")
public record DatasetTextConfig(
    @Doc("The dataset, e.g. tinyshakespeare.") String name,
    @Doc("The file inside it; empty when the dataset has a single file.") @Default("\"\"")
        String file)
    implements TextSourceConfig {

  @Override
  public Path textFile() throws IOException {
    DatasetResolver.Resolution resolved = DatasetResolver.system().resolve(name);
    List<String> files = resolved.dataset().files().stream().map(DataFile::path).toList();
    String chosen = file;
    if (chosen.isEmpty()) {
      if (files.size() != 1) {
        throw new TextFileException("dataset '" + name + "' has " + files.size()
            + " files; choose one with data.text.file: " + String.join(", ", files));
      }
      chosen = files.get(0);
    } else if (!files.contains(chosen)) {
      throw new TextFileException("dataset '" + name + "' has no file '" + chosen
          + "'; its files: " + String.join(", ", files));
    }
    return resolved.folder().resolve(chosen);
  }
}
