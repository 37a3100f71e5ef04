package dev.seq2seq.task.classification.data;

import dev.seq2seq.data.DatasetException;
import dev.seq2seq.data.DatasetResolver;
import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Violation;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Doc("A dataset of the catalogue (seq2seq data list), one file per label: {label: file name in"
    + " the dataset, ...}. The dataset is found in SEQ2SEQ_DATA, the cache, or downloaded.")
public record CatalogueSourceConfig(
    @Doc("The dataset's catalogue name, e.g. rt-polarity.") String dataset,
    @Doc("Label to file name inside the dataset.") Map<String, String> files)
    implements SourceConfig, Checked {

  @Override
  public List<Violation> validate() {
    List<Violation> problems = new ArrayList<>();
    if (files.size() < 2) {
      problems.add(Violation.at("files", "needs at least two labels, found " + files.keySet()));
    }
    files.forEach((label, name) -> {
      if (name.isBlank() || Path.of(name).isAbsolute() || name.contains("..")) {
        problems.add(Violation.at("files." + label, "must name a file inside the dataset, found '"
            + name + "'"));
      }
    });
    return problems;
  }

  @Override
  public Labeled read(Charset charset) {
    Path folder;
    try {
      folder = DatasetResolver.system().resolve(dataset).folder();
    } catch (DatasetException e) {
      throw new DataException("data.source.dataset: " + e.getMessage(), e);
    }
    List<LabeledSentence> out = new ArrayList<>();
    files.forEach((label, name) ->
        SourceConfig.readLabelFile(folder.resolve(name), label, charset, out));
    return new Labeled(List.copyOf(files.keySet()), out);
  }
}
