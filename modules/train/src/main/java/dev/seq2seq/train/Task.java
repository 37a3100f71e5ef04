package dev.seq2seq.train;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.plugin.ExtensionPoint;
import dev.seq2seq.recipe.Recipe;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A task (translation, speech, a toy) as the trainer sees it. A task plugin registers one under
 * the same short name as its {@code TaskConfig} record, e.g. {@code
 * Registries.register(binder(), Task.class, "reverse-digits", ReverseDigitsTask.class)}.
 *
 * <p>Both methods build a fresh {@link TaskSession} whose parameters hold their seeded initial
 * values; the trainer (or {@code evaluate}) then loads weights into them where it needs to.
 */
@ExtensionPoint("task")
public interface Task {

  /** Prepares training: reads or generates the data and builds the model from the recipe. */
  TaskSession<?> train(Recipe recipe, Backend backend) throws IOException;

  /**
   * Rebuilds the model of an inference package, reading the extras that {@link
   * TaskSession#writeExtras} wrote into {@code modelDir} (vocabularies, ...).
   */
  TaskSession<?> load(Recipe recipe, Backend backend, Path modelDir) throws IOException;
}
