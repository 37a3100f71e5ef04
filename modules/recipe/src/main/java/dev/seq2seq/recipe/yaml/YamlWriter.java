package dev.seq2seq.recipe.yaml;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a {@link Node} tree as block-style YAML that {@link YamlReader} reads back to the same
 * values: strings are quoted whenever they would otherwise read as another type, and a literal
 * {@code ${} is escaped as {@code $${} so it is not taken for a reference.
 */
public final class YamlWriter {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./+-]*");

  private YamlWriter() {}

  public static String write(MapNode root) {
    StringBuilder sb = new StringBuilder();
    writeMap(sb, root, 0);
    return sb.toString();
  }

  private static void writeMap(StringBuilder sb, MapNode map, int indent) {
    for (Map.Entry<String, Node> e : map.entries().entrySet()) {
      sb.append(" ".repeat(indent)).append(key(e.getKey())).append(':');
      writeValue(sb, e.getValue(), indent);
    }
  }

  /** Writes what follows {@code key:} or {@code -}, including the line break. */
  private static void writeValue(StringBuilder sb, Node node, int indent) {
    if (node instanceof MapNode m && !m.entries().isEmpty()) {
      sb.append('\n');
      writeMap(sb, m, indent + 2);
    } else if (node instanceof ListNode l && !l.items().isEmpty() && !allScalars(l.items())) {
      sb.append('\n');
      for (Node item : l.items()) {
        sb.append(" ".repeat(indent + 2)).append('-');
        writeValue(sb, item, indent + 2);
      }
    } else {
      sb.append(' ').append(inline(node)).append('\n');
    }
  }

  private static boolean allScalars(List<Node> items) {
    return items.stream().allMatch(n -> n instanceof ScalarNode);
  }

  /** Scalars, empty collections and lists of scalars, on one line. */
  private static String inline(Node node) {
    if (node instanceof MapNode) {
      return "{}";
    }
    if (node instanceof ListNode l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.items().size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(inline(l.items().get(i)));
      }
      return sb.append(']').toString();
    }
    ScalarNode s = (ScalarNode) node;
    Object v = s.value();
    if (v == null) {
      return "null";
    }
    if (v instanceof Double d) {
      if (d.isNaN()) {
        return ".nan";
      }
      if (d.isInfinite()) {
        return d > 0 ? ".inf" : "-.inf";
      }
      return d.toString();
    }
    if (v instanceof String str) {
      return string(str);
    }
    return v.toString();
  }

  private static String key(String key) {
    return PLAIN.matcher(key).matches() ? key : quote(key);
  }

  private static String string(String s) {
    String escaped = s.replace("${", "$${");
    if (PLAIN.matcher(escaped).matches() && readsBackAsString(escaped)) {
      return escaped;
    }
    return quote(escaped);
  }

  /** {@code true}, {@code 12}, {@code null} and the like must be quoted to stay strings. */
  private static boolean readsBackAsString(String plain) {
    try {
      Node n = YamlReader.readValue(plain, Origin.defaultValue());
      return n instanceof ScalarNode sn && plain.equals(sn.value());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
