package dev.seq2seq.recipe;

import dev.seq2seq.recipe.yaml.ListNode;
import dev.seq2seq.recipe.yaml.MapNode;
import dev.seq2seq.recipe.yaml.Node;
import dev.seq2seq.recipe.yaml.ScalarNode;
import dev.seq2seq.recipe.yaml.YamlReader;
import dev.seq2seq.util.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Replaces {@code ${section.key}} and {@code ${env:NAME}} / {@code ${env:NAME:-default}} in
 * string values. A value that is exactly one reference takes the referenced value with its type
 * ({@code batch_size: ${train.batch_size}} stays an integer, a whole section can be copied); a
 * reference inside longer text is joined as text. {@code $${} writes a literal {@code ${}.
 * References see the recipe after includes and overrides, not the schema's defaults.
 */
final class Interpolation {
  private final MapNode root;
  private final Function<String, String> env;
  private final List<RecipeError> errors;
  /** Paths whose value could not be resolved; the binder's errors under them are noise. */
  private final Set<String> failed = new LinkedHashSet<>();
  private final Map<String, Node> resolved = new HashMap<>();
  private final List<String> resolving = new ArrayList<>();

  Interpolation(MapNode root, Function<String, String> env, List<RecipeError> errors) {
    this.root = root;
    this.env = env;
    this.errors = errors;
  }

  MapNode resolve() {
    return (MapNode) resolveNode(root, "");
  }

  Set<String> failedPaths() {
    return failed;
  }

  private Node resolvePath(String path, Node raw) {
    Node done = resolved.get(path);
    if (done != null) {
      return done;
    }
    resolving.add(path);
    Node result = resolveNode(raw, path);
    resolving.remove(resolving.size() - 1);
    resolved.put(path, result);
    return result;
  }

  private Node resolveNode(Node node, String path) {
    if (node instanceof MapNode map) {
      Map<String, Node> entries = new LinkedHashMap<>();
      map.entries().forEach((k, v) -> entries.put(k, resolvePath(join(path, k), v)));
      return new MapNode(entries, map.keys(), map.origin());
    }
    if (node instanceof ListNode list) {
      List<Node> items = new ArrayList<>();
      for (int i = 0; i < list.items().size(); i++) {
        items.add(resolvePath(join(path, Integer.toString(i)), list.items().get(i)));
      }
      return new ListNode(items, list.origin());
    }
    ScalarNode s = (ScalarNode) node;
    return s.isString() && s.text().contains("${") ? interpolate(s, path) : node;
  }

  /** Splits the text into literal parts and references, and joins or substitutes them. */
  private Node interpolate(ScalarNode s, String path) {
    String text = s.text();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = text.indexOf('}', i);
        if (end < 0) {
          return fail(path, "unterminated reference in '" + text + "' (write $${ for a literal ${)", s);
        }
        Node value = reference(text.substring(i + 2, end).trim(), s, path);
        if (value == null) {
          return s;
        }
        if (i == 0 && end == text.length() - 1) {
          return value; // the whole value is one reference: keep its type
        }
        if (!(value instanceof ScalarNode v)) {
          return fail(path, "cannot put " + value.describe() + " inside a string; reference it as"
              + " the whole value", s);
        }
        out.append(v.isNull() ? "null" : v.text());
        i = end + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return ScalarNode.string(out.toString(), s.origin());
  }

  /** The value of one reference, or null after recording an error. */
  private Node reference(String ref, ScalarNode at, String path) {
    if (ref.startsWith("env:")) {
      String spec = ref.substring(4);
      int dflt = spec.indexOf(":-");
      String name = dflt < 0 ? spec : spec.substring(0, dflt);
      String value = env.apply(name);
      if (value == null && dflt >= 0) {
        value = spec.substring(dflt + 2);
      }
      if (value == null) {
        fail(path, "environment variable " + name + " is not set (write ${env:" + name
            + ":-default} to give a default)", at);
        return null;
      }
      // Typed like a YAML scalar, so BATCH=64 fills an integer field; anything else is text.
      try {
        Node typed = YamlReader.readValue(value, at.origin());
        return typed instanceof ScalarNode ? typed : ScalarNode.string(value, at.origin());
      } catch (RecipeException e) {
        return ScalarNode.string(value, at.origin());
      }
    }
    int start = resolving.indexOf(ref);
    if (start >= 0) {
      List<String> cycle = new ArrayList<>(resolving.subList(start, resolving.size()));
      cycle.add(ref);
      failed.addAll(cycle);
      fail(path, "reference cycle: " + String.join(" -> ", cycle), at);
      return null;
    }
    Node target = lookup(ref, at, path);
    return target == null ? null : resolvePath(ref, target);
  }

  /** The raw node at a dotted path (numeric segments index lists), or null with an error. */
  private Node lookup(String ref, ScalarNode at, String path) {
    Node node = root;
    String[] segments = ref.split("\\.", -1);
    for (String segment : segments) {
      Node next = null;
      List<String> options = List.of();
      if (node instanceof MapNode map) {
        next = map.get(segment);
        options = new ArrayList<>(map.entries().keySet());
      } else if (node instanceof ListNode list && segment.matches("\\d+")) {
        int index = Integer.parseInt(segment);
        next = index < list.items().size() ? list.items().get(index) : null;
      }
      if (next == null) {
        fail(path, "unknown reference ${" + ref + "}" + Suggestions.didYouMean(segment, options)
            + " (references name keys written in the recipe)", at);
        return null;
      }
      node = next;
    }
    return node;
  }

  private ScalarNode fail(String path, String message, ScalarNode at) {
    failed.add(path);
    errors.add(new RecipeError(path, message, at.origin()));
    return at;
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
