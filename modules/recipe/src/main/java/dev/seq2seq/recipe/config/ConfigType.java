package dev.seq2seq.recipe.config;

import dev.seq2seq.plugin.ExtensionPoint;

/**
 * One registered config record: in a recipe, {@code type: name} at a place typed {@code point}
 * binds to {@code type}. Registered with {@link ConfigTypes#register}.
 *
 * @param point an {@code @ExtensionPoint} interface such as {@code OptimizerConfig}
 * @param name the short name recipes use
 * @param type the record bound for that name; it implements {@code point}
 */
@ExtensionPoint("config type")
public record ConfigType(Class<?> point, String name, Class<? extends Record> type) {

  /** The registry key: {@code optimizer/adam}, which is what {@code seq2seq plugins} lists. */
  public String key() {
    return ConfigTypes.pointName(point) + "/" + name;
  }
}
