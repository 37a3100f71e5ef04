package dev.seq2seq.recipe;

import java.util.ArrayList;
import java.util.List;

/**
 * A recipe that cannot be used. It carries every problem found, not just the first, so that one
 * run of {@code seq2seq recipe check} shows everything to fix; the message lists them one per
 * line, in file and line order.
 */
public final class RecipeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<RecipeError> errors;

  public RecipeException(List<RecipeError> errors) {
    super(message(errors));
    List<RecipeError> sorted = new ArrayList<>(errors);
    sorted.sort(RecipeError.ORDER);
    this.errors = List.copyOf(sorted);
  }

  public RecipeException(RecipeError error) {
    this(List.of(error));
  }

  /** Every problem, sorted by file and line. */
  public List<RecipeError> errors() {
    return errors;
  }

  private static String message(List<RecipeError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a RecipeException needs at least one error");
    }
    List<RecipeError> sorted = new ArrayList<>(errors);
    sorted.sort(RecipeError.ORDER);
    StringBuilder sb = new StringBuilder();
    sb.append(sorted.size() == 1 ? "1 error" : sorted.size() + " errors").append(" in recipe:");
    for (RecipeError e : sorted) {
      sb.append('\n').append("  ").append(e.format());
    }
    return sb.toString();
  }
}
