package dev.seq2seq.recipe.config;

import dev.seq2seq.recipe.RecipeError;
import dev.seq2seq.recipe.RecipeException;
import dev.seq2seq.recipe.yaml.ListNode;
import dev.seq2seq.recipe.yaml.MapNode;
import dev.seq2seq.recipe.yaml.Node;
import dev.seq2seq.recipe.yaml.Origin;
import dev.seq2seq.recipe.yaml.ScalarNode;
import dev.seq2seq.recipe.yaml.YamlReader;
import dev.seq2seq.util.Suggestions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Binds a YAML tree to config records, collecting every error (unknown key, wrong type, out of
 * range, missing, unknown registered name) with its dotted path and origin rather than stopping
 * at the first. Only records, registered config types and plain values can be built: nothing in
 * a recipe can name a class.
 */
public final class Binder {
  /** Marks a value that could not be bound (its error is already recorded). */
  private static final Object FAILED = new Object();

  private final ConfigTypes types;
  private final Function<Class<?>, Set<String>> registryNames;
  private final Path defaultBase;
  private final List<RecipeError> errors = new ArrayList<>();

  /**
   * @param registryNames the names registered for an extension point, for {@code @Registered}
   * @param defaultBase the directory relative {@code Path} defaults are resolved against
   */
  public Binder(ConfigTypes types, Function<Class<?>, Set<String>> registryNames, Path defaultBase) {
    this.types = types;
    this.registryNames = registryNames;
    this.defaultBase = defaultBase;
  }

  /** Binds {@code map} to {@code type}; throws with every error found. */
  public <T extends Record> T bind(Class<T> type, MapNode map) {
    Object value = bindRecord("", type, map);
    if (!errors.isEmpty() || value == FAILED) {
      throw new RecipeException(errors);
    }
    return type.cast(value);
  }

  private Object bindRecord(String path, Class<? extends Record> type, MapNode map) {
    Schema schema = Schema.of(type);
    for (String key : map.entries().keySet()) {
      if (schema.field(key) == null) {
        error(join(path, key), "unknown key" + Suggestions.didYouMean(key, schema.names())
            + "; expected one of: " + String.join(", ", schema.names()), map.keyOrigin(key));
      }
    }
    Object[] args = new Object[schema.fields().size()];
    boolean failed = false;
    for (int i = 0; i < args.length; i++) {
      Schema.Field f = schema.fields().get(i);
      String fieldPath = join(path, f.name());
      Node node = map.get(f.name());
      if (node == null) {
        if (f.defaultText() != null) {
          node = YamlReader.readValue(f.defaultText(), Origin.defaultValue());
        } else if (f.nestedRecord()) {
          node = MapNode.empty(map.origin());
        } else if (f.optional()) {
          continue;
        } else {
          error(fieldPath, "is required but not set", map.origin());
          failed = true;
          continue;
        }
      }
      Object value = f.typeFrom() != null
          ? bindTypeFrom(fieldPath, f, node, map, schema)
          : bindValue(fieldPath, f.type(), f, node);
      if (value == FAILED) {
        failed = true;
      } else {
        args[i] = value;
      }
    }
    if (failed) {
      return FAILED;
    }
    return construct(path, schema, args, map);
  }

  private Object construct(String path, Schema schema, Object[] args, MapNode map) {
    Object instance;
    try {
      instance = schema.constructor().newInstance(args);
    } catch (InvocationTargetException e) {
      // A compact constructor's own check: report it like any other error, at the section.
      error(path, String.valueOf(e.getCause().getMessage()), map.origin());
      return FAILED;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + schema.type().getName(), e);
    }
    if (instance instanceof Checked checked) {
      List<Violation> violations = checked.validate();
      for (Violation v : violations) {
        Node at = v.key().isEmpty() ? null : map.get(v.key());
        Origin origin = at != null ? at.origin() : map.origin();
        error(v.key().isEmpty() ? path : join(path, v.key()), v.message(), origin);
      }
      if (!violations.isEmpty()) {
        return FAILED;
      }
    }
    return instance;
  }

  /** A section typed by a sibling's {@code type} (data and model follow task.type). */
  private Object bindTypeFrom(
      String path, Schema.Field f, Node node, MapNode parent, Schema parentSchema) {
    String name = typeName(parent.get(f.typeFrom()));
    Schema.Field sibling = parentSchema.field(f.typeFrom());
    if (name == null || sibling == null || types.find(sibling.raw(), name).isEmpty()) {
      return FAILED; // the sibling's own error says what is wrong
    }
    Class<?> point = f.raw();
    Class<? extends Record> type = types.find(point, name).orElse(null);
    if (type == null) {
      error(path, "the " + f.typeFrom() + " '" + name + "' registers no "
          + ConfigTypes.pointName(point) + " section", node.origin());
      return FAILED;
    }
    if (!(node instanceof MapNode map)) {
      return mismatch(path, "a map", node);
    }
    return bindRecord(path, type, map);
  }

  private static String typeName(Node node) {
    if (node instanceof ScalarNode s && s.isString()) {
      return s.text();
    }
    if (node instanceof MapNode m && m.get("type") instanceof ScalarNode s && s.isString()) {
      return s.text();
    }
    return null;
  }

  private Object bindValue(String path, Type type, Schema.Field f, Node node) {
    Class<?> raw = Schema.raw(type);
    if (node instanceof ScalarNode s && s.isNull()) {
      if (f != null && f.optional()) {
        return null;
      }
      error(path, "must not be null", node.origin());
      return FAILED;
    }
    if (raw == List.class) {
      if (!(node instanceof ListNode list)) {
        return mismatch(path, "a list", node);
      }
      List<Object> out = new ArrayList<>();
      boolean failed = false;
      for (int i = 0; i < list.items().size(); i++) {
        Object v = bindValue(path + "[" + i + "]", Schema.elementType(type), f, list.items().get(i));
        failed |= v == FAILED;
        out.add(v);
      }
      return failed ? FAILED : List.copyOf(out);
    }
    if (raw == Map.class) {
      if (!(node instanceof MapNode map)) {
        return mismatch(path, "a map", node);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      boolean failed = false;
      for (Map.Entry<String, Node> e : map.entries().entrySet()) {
        Object v = bindValue(join(path, e.getKey()), Schema.elementType(type), f, e.getValue());
        failed |= v == FAILED;
        out.put(e.getKey(), v);
      }
      return failed ? FAILED : java.util.Collections.unmodifiableMap(out);
    }
    if (raw.isRecord()) {
      if (!(node instanceof MapNode map)) {
        return mismatch(path, "a map", node);
      }
      @SuppressWarnings("unchecked")
      Class<? extends Record> rt = (Class<? extends Record>) raw;
      return bindRecord(path, rt, map);
    }
    if (ConfigTypes.isPoint(raw)) {
      return bindPolymorphic(path, raw, node);
    }
    if (!(node instanceof ScalarNode scalar)) {
      return mismatch(path, Scalars.expected(raw), node);
    }
    Object value = Scalars.convert(raw, scalar);
    if (value == null) {
      return mismatch(path, Scalars.expected(raw), node);
    }
    if (value instanceof Scalars.Problem p) {
      error(path, p.message(), node.origin());
      return FAILED;
    }
    if (value instanceof Path p) {
      Path base = node.origin().note() != null && node.origin().note().equals("default")
          ? defaultBase : node.origin().baseDirectory();
      return base.resolve(p).normalize();
    }
    return f == null ? value : checkConstraints(path, f, value, node);
  }

  /** {@code {type: adam, lr: 0.001}}, or just {@code adam} when every other field has a default. */
  private Object bindPolymorphic(String path, Class<?> point, Node node) {
    MapNode map;
    Node typeNode;
    if (node instanceof ScalarNode s && s.isString()) {
      map = MapNode.empty(node.origin());
      typeNode = node;
    } else if (node instanceof MapNode m) {
      typeNode = m.get("type");
      if (typeNode == null) {
        error(join(path, "type"), "is required: one of " + names(types.typesOf(point).keySet()),
            m.origin());
        return FAILED;
      }
      map = m.without("type");
    } else {
      return mismatch(path, "a map with a 'type'", node);
    }
    String label = ConfigTypes.pointName(point);
    String name = typeNode instanceof ScalarNode s && s.isString() ? s.text() : null;
    Class<? extends Record> type = name == null ? null : types.find(point, name).orElse(null);
    if (type == null) {
      Set<String> known = types.typesOf(point).keySet();
      error(node instanceof MapNode ? join(path, "type") : path,
          "unknown " + label + " " + typeNode.describe()
              + (name == null ? "" : Suggestions.didYouMean(name, known))
              + "; registered: " + names(known), typeNode.origin());
      return FAILED;
    }
    return bindRecord(path, type, map);
  }

  private Object checkConstraints(String path, Schema.Field f, Object value, Node node) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      String problem = null;
      if (f.positive() && !(d > 0)) {
        problem = "must be > 0";
      } else if (f.min() != null
          && (f.min().exclusive() ? !(d > f.min().value()) : !(d >= f.min().value()))) {
        problem = "must be " + (f.min().exclusive() ? "> " : ">= ") + Scalars.format(f.min().value());
      } else if (f.max() != null
          && (f.max().exclusive() ? !(d < f.max().value()) : !(d <= f.max().value()))) {
        problem = "must be " + (f.max().exclusive() ? "< " : "<= ") + Scalars.format(f.max().value());
      }
      if (problem != null) {
        error(path, problem + ", found " + node.describe(), node.origin());
        return FAILED;
      }
    }
    if (value instanceof String s) {
      if (!f.oneOf().isEmpty() && !f.oneOf().contains(s)) {
        error(path, "must be one of " + String.join(", ", f.oneOf()) + ", found '" + s + "'"
            + Suggestions.didYouMean(s, f.oneOf()), node.origin());
        return FAILED;
      }
      if (f.registered() != null) {
        Set<String> known = registryNames.apply(f.registered());
        if (!known.contains(s)) {
          error(path, "unknown " + dev.seq2seq.plugin.Registries.registryName(f.registered())
              + " '" + s + "'" + Suggestions.didYouMean(s, known) + "; registered: "
              + names(known), node.origin());
          return FAILED;
        }
      }
    }
    return value;
  }

  private Object mismatch(String path, String expected, Node found) {
    error(path, "expected " + expected + ", found " + found.describe(), found.origin());
    return FAILED;
  }

  private static String names(Collection<String> names) {
    return names.isEmpty() ? "(none)" : String.join(", ", new java.util.TreeSet<>(names));
  }

  private void error(String path, String message, Origin origin) {
    errors.add(new RecipeError(path, message, origin));
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
