package dev.seq2seq.recipe;

import dev.seq2seq.recipe.yaml.Origin;
import java.util.Comparator;

/**
 * One problem with a recipe: which key (dotted path), what is wrong, and where it was written.
 *
 * @param path dotted path such as {@code model.encoder.hidden}; empty for the whole recipe
 * @param message what is wrong and, where possible, how to fix it
 * @param origin where the offending value (or key) came from
 */
public record RecipeError(String path, String message, Origin origin) {

  /** The order errors are listed in: by file and line, then by path. */
  public static final Comparator<RecipeError> ORDER =
      Comparator.comparing(RecipeError::origin, Origin.ORDER).thenComparing(RecipeError::path);

  /** {@code model.encoder.hidden: must be > 0, found 0 (recipe.yaml, line 12)}. */
  public String format() {
    String where = origin.describe();
    return (path.isEmpty() ? "" : path + ": ") + message + (where.isEmpty() ? "" : " (" + where + ")");
  }

  @Override
  public String toString() {
    return format();
  }
}
