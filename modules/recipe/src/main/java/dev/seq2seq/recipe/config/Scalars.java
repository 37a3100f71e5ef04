package dev.seq2seq.recipe.config;

import dev.seq2seq.recipe.yaml.ScalarNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** Conversions from YAML scalars to field types, and how those types are named in messages. */
final class Scalars {
  private Scalars() {}

  /** A scalar of the right kind but an unusable value (an int too big, an unknown enum name). */
  record Problem(String message) {}

  /** The converted value, a {@link Problem}, or null when the scalar is of the wrong kind. */
  static Object convert(Class<?> raw, ScalarNode s) {
    Object v = s.value();
    if (raw == String.class) {
      // Any scalar reads as text: "name: 2024" means the string "2024".
      return s.text();
    }
    if (raw == Path.class) {
      return v instanceof String str && !str.isEmpty() ? Path.of(str) : null;
    }
    if (raw == int.class || raw == Integer.class) {
      if (v instanceof Long l) {
        return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE
            ? (Object) l.intValue() : new Problem("must be between " + Integer.MIN_VALUE + " and "
                + Integer.MAX_VALUE + ", found " + s.text());
      }
      return v instanceof java.math.BigInteger ? new Problem("integer too large: " + s.text()) : null;
    }
    if (raw == long.class || raw == Long.class) {
      if (v instanceof Long) {
        return v;
      }
      return v instanceof java.math.BigInteger ? new Problem("integer too large: " + s.text()) : null;
    }
    if (raw == double.class || raw == Double.class) {
      return v instanceof Number n && !(v instanceof java.math.BigInteger) ? n.doubleValue() : null;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return v instanceof Boolean ? v : null;
    }
    if (raw.isEnum()) {
      if (!(v instanceof String str)) {
        return null;
      }
      for (Object constant : raw.getEnumConstants()) {
        if (yamlName((Enum<?>) constant).equals(str)) {
          return constant;
        }
      }
      var names = Arrays.stream(raw.getEnumConstants()).map(c -> yamlName((Enum<?>) c)).toList();
      return new Problem("expected one of " + String.join(", ", names) + ", found '" + str + "'"
          + dev.seq2seq.util.Suggestions.didYouMean(str, names));
    }
    throw new IllegalStateException("not a scalar type: " + raw);
  }

  /** Enum constants are written in lower case: {@code SENTENCES} → {@code sentences}. */
  static String yamlName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /** "an integer", "a number", "true or false", "one of cpu, gpu, auto". */
  static String expected(Class<?> raw) {
    if (raw == String.class) {
      return "a string";
    }
    if (raw == Path.class) {
      return "a file path";
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      return "an integer";
    }
    if (raw == double.class || raw == Double.class) {
      return "a number";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "true or false";
    }
    if (raw.isEnum()) {
      return "one of " + String.join(", ",
          Arrays.stream(raw.getEnumConstants()).map(c -> yamlName((Enum<?>) c)).toList());
    }
    return raw.getSimpleName();
  }

  /** 0.0 → "0", 0.5 → "0.5", for bounds in messages. */
  static String format(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
