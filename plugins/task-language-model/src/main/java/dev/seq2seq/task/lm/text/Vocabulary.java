package dev.seq2seq.task.lm.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token ids of a language model: {@code <unk>} is id 0, then the training text's tokens by
 * descending count (ties in code-point order, so the ids do not depend on a hash order).
 */
public final class Vocabulary {
  public static final String UNKNOWN = "<unk>";
  public static final int UNKNOWN_ID = 0;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Tokens level;
  private final List<String> tokens;
  private final Map<String, Integer> ids;

  public Vocabulary(Tokens level, List<String> tokens) {
    if (tokens.isEmpty() || !tokens.get(0).equals(UNKNOWN)) {
      throw new IllegalArgumentException("a vocabulary starts with " + UNKNOWN);
    }
    this.level = level;
    this.tokens = List.copyOf(tokens);
    this.ids = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (ids.put(tokens.get(i), i) != null) {
        throw new IllegalArgumentException("token '" + tokens.get(i) + "' occurs twice");
      }
    }
  }

  /**
   * Counts the tokens of the training text.
   *
   * @param minCount tokens seen fewer times are left out (they read as {@code <unk>})
   * @param maxSize at most this many entries, {@code <unk>} included; 0 for no limit
   */
  public static Vocabulary build(Tokens level, List<String> training, int minCount, int maxSize) {
    Map<String, Integer> counts = new HashMap<>();
    for (String t : training) {
      counts.merge(t, 1, Integer::sum);
    }
    counts.remove(UNKNOWN); // the literal text "<unk>" reads as the unknown token
    List<String> sorted = new ArrayList<>(counts.keySet());
    sorted.sort((a, b) -> {
      int byCount = Integer.compare(counts.get(b), counts.get(a));
      return byCount != 0 ? byCount : a.compareTo(b);
    });
    List<String> kept = new ArrayList<>();
    kept.add(UNKNOWN);
    for (String t : sorted) {
      if (counts.get(t) < minCount || (maxSize > 0 && kept.size() >= maxSize)) {
        break;
      }
      kept.add(t);
    }
    return new Vocabulary(level, kept);
  }

  public Tokens level() {
    return level;
  }

  public int size() {
    return tokens.size();
  }

  public String token(int id) {
    return tokens.get(id);
  }

  /** The id of a token, {@link #UNKNOWN_ID} when it is not in the vocabulary. */
  public int id(String token) {
    return ids.getOrDefault(token, UNKNOWN_ID);
  }

  public boolean contains(String token) {
    return ids.containsKey(token) && !token.equals(UNKNOWN);
  }

  /** The ids of {@code tokens}, unknown ones as {@link #UNKNOWN_ID}. */
  public int[] encode(List<String> tokens) {
    int[] out = new int[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = id(tokens.get(i));
    }
    return out;
  }

  /** The distinct tokens of {@code tokens} that this vocabulary does not hold, in order. */
  public List<String> unknown(List<String> tokens) {
    TreeSet<String> seen = new TreeSet<>();
    List<String> out = new ArrayList<>();
    for (String t : tokens) {
      if (!contains(t) && seen.add(t)) {
        out.add(t);
      }
    }
    return out;
  }

  public List<String> tokens() {
    return Collections.unmodifiableList(tokens);
  }

  /** Writes {@code {"level": "char", "tokens": [...]}} (id = position). */
  public void save(Path file) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("level", level.name().toLowerCase(java.util.Locale.ROOT));
    json.put("tokens", tokens);
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
  }

  public static Vocabulary load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new TextFileException(file + ": no such file (a language model folder holds its"
          + " vocabulary there)");
    }
    try {
      JsonNode root = JSON.readTree(Files.readString(file));
      JsonNode level = root.get("level");
      JsonNode list = root.get("tokens");
      if (level == null || list == null || !list.isArray()) {
        throw new TextFileException(file + ": expected {\"level\": ..., \"tokens\": [...]}");
      }
      Tokens tokens;
      try {
        tokens = Tokens.valueOf(level.asString().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TextFileException(file + ": unknown level '" + level.asString() + "'");
      }
      List<String> entries = new ArrayList<>();
      list.forEach(n -> entries.add(n.asString()));
      return new Vocabulary(tokens, entries);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new TextFileException(file + ": not a vocabulary file: " + e.getMessage());
    }
  }
}
