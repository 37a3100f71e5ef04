package dev.seq2seq.recipe.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML mapping with string keys, in file order. {@code keys} holds where each key was written,
 * which is where an unknown-key error points.
 */
public record MapNode(Map<String, Node> entries, Map<String, Origin> keys, Origin origin)
    implements Node {

  public MapNode {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  public static MapNode empty(Origin origin) {
    return new MapNode(Map.of(), Map.of(), origin);
  }

  public Node get(String key) {
    return entries.get(key);
  }

  /** Where {@code key} was written, or where the map itself was when the key is absent. */
  public Origin keyOrigin(String key) {
    return keys.getOrDefault(key, origin);
  }

  /** A copy with {@code key} set (added at the end when new, in place when present). */
  public MapNode with(String key, Node value, Origin keyOrigin) {
    Map<String, Node> e = new LinkedHashMap<>(entries);
    Map<String, Origin> k = new LinkedHashMap<>(keys);
    e.put(key, value);
    k.put(key, keyOrigin);
    return new MapNode(e, k, origin);
  }

  /** A copy without {@code key}. */
  public MapNode without(String key) {
    Map<String, Node> e = new LinkedHashMap<>(entries);
    Map<String, Origin> k = new LinkedHashMap<>(keys);
    e.remove(key);
    k.remove(key);
    return new MapNode(e, k, origin);
  }

  @Override
  public String describe() {
    return "a map";
  }
}
