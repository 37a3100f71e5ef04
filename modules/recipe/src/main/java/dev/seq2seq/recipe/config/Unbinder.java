package dev.seq2seq.recipe.config;

import dev.seq2seq.recipe.yaml.ListNode;
import dev.seq2seq.recipe.yaml.MapNode;
import dev.seq2seq.recipe.yaml.Node;
import dev.seq2seq.recipe.yaml.Origin;
import dev.seq2seq.recipe.yaml.ScalarNode;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns bound config records back into a YAML tree: every field in record order, defaults
 * included, polymorphic sections with their {@code type} first. Binding the result again gives
 * equal records, which is what makes a printed recipe a faithful record of a run.
 */
public final class Unbinder {
  private static final Origin PRINTED = new Origin(null, 0, 0, "printed");

  private final ConfigTypes types;

  public Unbinder(ConfigTypes types) {
    this.types = types;
  }

  public MapNode toTree(Record record) {
    return recordTree(record, null);
  }

  /** @param point the polymorphic interface the record was bound through, or null */
  private MapNode recordTree(Record record, Class<?> point) {
    Map<String, Node> entries = new LinkedHashMap<>();
    if (point != null) {
      entries.put("type", ScalarNode.string(nameOf(point, record), PRINTED));
    }
    for (Schema.Field f : Schema.of(record.getClass()).fields()) {
      Object value;
      try {
        value = f.component().getAccessor().invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        f.component().getAccessor().setAccessible(true);
        try {
          value = f.component().getAccessor().invoke(record);
        } catch (ReflectiveOperationException again) {
          throw new IllegalStateException(again);
        }
      }
      // A section typed by a sibling (data by task.type) has no type key of its own.
      Class<?> fieldPoint = f.typeFrom() == null ? pointIn(f.type()) : null;
      entries.put(f.name(), value(value, fieldPoint));
    }
    return new MapNode(entries, Map.of(), PRINTED);
  }

  private Node value(Object value, Class<?> point) {
    if (value == null) {
      return new ScalarNode(null, "null", PRINTED);
    }
    if (value instanceof Record r) {
      return recordTree(r, point);
    }
    if (value instanceof List<?> list) {
      List<Node> items = new ArrayList<>();
      for (Object item : list) {
        items.add(value(item, pointOf(item, point)));
      }
      return new ListNode(items, PRINTED);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Node> entries = new LinkedHashMap<>();
      map.forEach((k, v) -> entries.put(String.valueOf(k), value(v, pointOf(v, point))));
      return new MapNode(entries, Map.of(), PRINTED);
    }
    if (value instanceof Enum<?> e) {
      return ScalarNode.string(Scalars.yamlName(e), PRINTED);
    }
    if (value instanceof Path p) {
      return ScalarNode.string(p.toAbsolutePath().normalize().toString(), PRINTED);
    }
    if (value instanceof Integer i) {
      return new ScalarNode((long) i, i.toString(), PRINTED);
    }
    if (value instanceof String s) {
      return ScalarNode.string(s, PRINTED);
    }
    return new ScalarNode(value, value.toString(), PRINTED);
  }

  /** The polymorphic interface of a field, looking through {@code List<T>} and {@code Map<String, T>}. */
  private static Class<?> pointIn(java.lang.reflect.Type type) {
    Class<?> raw = Schema.raw(type);
    if (raw == List.class || raw == Map.class) {
      return pointIn(Schema.elementType(type));
    }
    return ConfigTypes.isPoint(raw) ? raw : null;
  }

  private Class<?> pointOf(Object item, Class<?> point) {
    return item instanceof Record ? point : null;
  }

  private String nameOf(Class<?> point, Record record) {
    for (Map.Entry<String, Class<? extends Record>> e : types.typesOf(point).entrySet()) {
      if (e.getValue() == record.getClass()) {
        return e.getKey();
      }
    }
    throw new IllegalStateException(record.getClass().getName() + " is not registered for "
        + ConfigTypes.pointName(point));
  }
}
