package dev.seq2seq.recipe.yaml;

/**
 * A YAML scalar, typed the way YAML typed it: quoted text stays a string, {@code 12} is a {@link
 * Long}, {@code 1.5} a {@link Double}, {@code true} a {@link Boolean}, {@code null} is null.
 *
 * @param value String, Long, Double, Boolean, java.math.BigInteger, or null
 * @param text the text as written (for strings, the string itself)
 */
public record ScalarNode(Object value, String text, Origin origin) implements Node {

  public static ScalarNode string(String s, Origin origin) {
    return new ScalarNode(s, s, origin);
  }

  public boolean isNull() {
    return value == null;
  }

  public boolean isString() {
    return value instanceof String;
  }

  @Override
  public String describe() {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "'" + text + "'";
    }
    return text;
  }
}
