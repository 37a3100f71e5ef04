package dev.seq2seq.recipe;

import dev.seq2seq.recipe.yaml.ListNode;
import dev.seq2seq.recipe.yaml.MapNode;
import dev.seq2seq.recipe.yaml.Node;
import dev.seq2seq.recipe.yaml.Origin;
import dev.seq2seq.recipe.yaml.ScalarNode;
import dev.seq2seq.recipe.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code include:} (a path or a list of paths, relative to the including file). Bases
 * are merged in the order listed and the including file last, so later keys win; maps merge key
 * by key, anything else is replaced whole.
 */
final class Includes {
  static final String KEY = "include";

  private final List<RecipeError> errors;

  Includes(List<RecipeError> errors) {
    this.errors = errors;
  }

  /** The recipe in {@code file} with every include merged in; errors are collected. */
  MapNode load(Path file) {
    return load(file, new ArrayList<>());
  }

  private MapNode load(Path file, List<Path> chain) {
    MapNode tree;
    try {
      tree = YamlReader.readFile(file);
    } catch (RecipeException e) {
      errors.addAll(e.errors());
      return MapNode.empty(Origin.at(file, 1, 1));
    }
    Node include = tree.get(KEY);
    if (include == null) {
      return tree;
    }
    chain.add(file.toAbsolutePath().normalize());
    MapNode merged = MapNode.empty(tree.origin());
    for (ScalarNode ref : references(include)) {
      Path base = file.toAbsolutePath().getParent().resolve(ref.text()).normalize();
      Path shown = shown(file, ref.text());
      if (chain.contains(base)) {
        List<String> names = new ArrayList<>();
        chain.subList(chain.indexOf(base), chain.size()).forEach(p -> names.add(name(p)));
        names.add(name(base));
        errors.add(new RecipeError(KEY, "include cycle: " + String.join(" -> ", names),
            ref.origin()));
        continue;
      }
      if (!base.toFile().isFile()) {
        errors.add(new RecipeError(KEY, "included file not found: " + shown, ref.origin()));
        continue;
      }
      merged = merge(merged, load(shown, chain));
    }
    chain.remove(chain.size() - 1);
    return merge(merged, tree.without(KEY));
  }

  private List<ScalarNode> references(Node include) {
    List<ScalarNode> refs = new ArrayList<>();
    List<Node> items = include instanceof ListNode l ? l.items() : List.of(include);
    for (Node item : items) {
      if (item instanceof ScalarNode s && s.isString() && !s.text().isEmpty()) {
        refs.add(s);
      } else {
        errors.add(new RecipeError(KEY, "expected a file path or a list of file paths, found "
            + item.describe(), item.origin()));
      }
    }
    return refs;
  }

  /** The included file as messages show it: next to the including file, as the user wrote it. */
  private static Path shown(Path including, String reference) {
    Path parent = including.getParent();
    return (parent == null ? Path.of(reference) : parent.resolve(reference)).normalize();
  }

  private static String name(Path p) {
    return String.valueOf(p.getFileName());
  }

  /** {@code over} on top of {@code base}: maps merge recursively, other values are replaced. */
  static MapNode merge(MapNode base, MapNode over) {
    Map<String, Node> entries = new LinkedHashMap<>(base.entries());
    Map<String, Origin> keys = new LinkedHashMap<>(base.keys());
    for (Map.Entry<String, Node> e : over.entries().entrySet()) {
      Node old = entries.get(e.getKey());
      Node value = old instanceof MapNode a && e.getValue() instanceof MapNode b ? merge(a, b) : e.getValue();
      entries.put(e.getKey(), value);
      keys.put(e.getKey(), over.keyOrigin(e.getKey()));
    }
    return new MapNode(entries, keys, over.origin());
  }
}
