package dev.seq2seq.recipe.yaml;

import java.util.List;

/** A YAML sequence. */
public record ListNode(List<Node> items, Origin origin) implements Node {
  public ListNode {
    items = List.copyOf(items);
  }

  @Override
  public String describe() {
    return "a list";
  }
}
