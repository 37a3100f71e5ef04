package dev.seq2seq.cli;

import dev.seq2seq.command.UsageException;
import dev.seq2seq.util.Suggestions;
import java.util.Map;
import java.util.TreeSet;

/** Finds a registered component by the name a user typed, or explains what exists (exit 2). */
final class Lookup {
  private Lookup() {}

  /**
   * @param what the registry's name in messages, such as {@code backend} or {@code metric}
   * @param context appended after the quoted name, such as {@code " for --compare"}; may be empty
   */
  static <T> T require(Map<String, T> registry, String name, String what, String context) {
    T found = registry.get(name);
    if (found == null) {
      throw new UsageException(
          "unknown " + what + " '" + name + "'" + context
              + Suggestions.didYouMean(name, registry.keySet())
              + "; registered: " + String.join(", ", new TreeSet<>(registry.keySet())));
    }
    return found;
  }

  static <T> T require(Map<String, T> registry, String name, String what) {
    return require(registry, name, what, "");
  }
}
