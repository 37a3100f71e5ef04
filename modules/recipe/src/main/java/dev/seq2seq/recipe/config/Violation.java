package dev.seq2seq.recipe.config;

/**
 * A cross-field problem found by {@link Checked#validate()}.
 *
 * @param key the field (YAML name) the problem is reported at; empty for the record as a whole
 * @param message what is wrong
 */
public record Violation(String key, String message) {
  public static Violation at(String key, String message) {
    return new Violation(key, message);
  }
}
