package dev.seq2seq.recipe;

import dev.seq2seq.recipe.yaml.ListNode;
import dev.seq2seq.recipe.yaml.MapNode;
import dev.seq2seq.recipe.yaml.Node;
import dev.seq2seq.recipe.yaml.Origin;
import dev.seq2seq.recipe.yaml.ScalarNode;
import dev.seq2seq.recipe.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies command-line overrides {@code --set train.batch_size=32}: the value is read as YAML
 * (so {@code [bleu, chrf]} and {@code {type: sgd}} work), missing sections are created, and a
 * key the recipe schema does not know is reported by the binder, pointing at the override.
 * Numeric segments index lists: {@code --set evaluate.metrics.0=bleu}.
 */
final class Overrides {
  private final List<RecipeError> errors;

  Overrides(List<RecipeError> errors) {
    this.errors = errors;
  }

  MapNode apply(MapNode root, List<String> assignments) {
    MapNode result = root;
    for (int n = 0; n < assignments.size(); n++) {
      String assignment = assignments.get(n);
      Origin origin = Origin.override(assignment, n + 1);
      int eq = assignment.indexOf('=');
      String key = eq < 0 ? "" : assignment.substring(0, eq).trim();
      String[] path = key.split("\\.", -1);
      if (eq < 0 || key.isEmpty() || List.of(path).contains("")) {
        errors.add(new RecipeError("", "--set expects key.path=value", origin));
        continue;
      }
      Node value;
      try {
        value = YamlReader.readValue(assignment.substring(eq + 1), origin);
      } catch (RecipeException e) {
        errors.add(new RecipeError(key, "bad value: " + e.errors().get(0).message(), origin));
        continue;
      }
      Node updated = set(result, path, 0, value, origin);
      if (updated != null) {
        result = (MapNode) updated;
      }
    }
    return result;
  }

  /** The copy of {@code node} with the value set, or null (with an error) when impossible. */
  private Node set(Node node, String[] path, int i, Node value, Origin origin) {
    String segment = path[i];
    String here = String.join(".", List.of(path).subList(0, i + 1));
    boolean last = i == path.length - 1;
    if (node instanceof MapNode map) {
      if (last) {
        return map.with(segment, value, origin);
      }
      Node child = map.get(segment);
      Node updated = set(child == null ? MapNode.empty(origin) : child, path, i + 1, value, origin);
      return updated == null ? null : map.with(segment, updated, map.keyOrigin(segment));
    }
    if (node instanceof ListNode list) {
      int index;
      try {
        index = Integer.parseInt(segment);
      } catch (NumberFormatException e) {
        index = -1;
      }
      if (index < 0 || index >= list.items().size()) {
        errors.add(new RecipeError(here, "is not an index of the list (it has "
            + list.items().size() + " items)", origin));
        return null;
      }
      Node updated = last ? value : set(list.items().get(index), path, i + 1, value, origin);
      if (updated == null) {
        return null;
      }
      List<Node> items = new ArrayList<>(list.items());
      items.set(index, updated);
      return new ListNode(items, list.origin());
    }
    String parent = String.join(".", List.of(path).subList(0, i));
    errors.add(new RecipeError(here, "cannot be set: " + parent + " is "
        + ((ScalarNode) node).describe() + ", not a map", origin));
    return null;
  }
}
