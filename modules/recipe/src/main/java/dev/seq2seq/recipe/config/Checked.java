package dev.seq2seq.recipe.config;

import java.util.List;

/**
 * A config record with checks that involve several fields ("set epochs or max_steps"). The binder
 * calls {@link #validate()} after the record is built and reports each violation with its path
 * and line, together with every other error in the recipe.
 */
public interface Checked {
  List<Violation> validate();
}
