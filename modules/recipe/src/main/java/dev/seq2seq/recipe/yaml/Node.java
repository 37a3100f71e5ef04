package dev.seq2seq.recipe.yaml;

/**
 * A YAML value together with its {@link Origin}. Recipes are read into this small tree (rather
 * than into Jackson's) so that includes, overrides and interpolation keep every value's position
 * and the binder can report errors at the right line.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

  Origin origin();

  /** A word for messages: "a map", "a list", "a string 'x'", "the number 3". */
  String describe();
}
