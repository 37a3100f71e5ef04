package dev.seq2seq.task.lm.text;

import dev.seq2seq.recipe.config.Doc;
import java.nio.file.Path;

@Doc("A text file of your own.")
public record FileTextConfig(@Doc("The file (relative to the recipe).") Path path)
    implements TextSourceConfig {

  @Override
  public Path textFile() {
    return path;
  }
}
