package dev.seq2seq.task.classification.text;

import dev.seq2seq.task.classification.data.DataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token ids: {@code <pad>} = 0, {@code <unk>} = 1, then the training tokens by falling count (ties
 * in text order, so the ids do not depend on hash order). Saved as one token a line, UTF-8.
 */
public final class Vocabulary {
  public static final int PAD = 0;
  public static final int UNK = 1;
  private static final List<String> SPECIALS = List.of("<pad>", "<unk>");

  private final List<String> tokens;
  private final Map<String, Integer> ids;

  private Vocabulary(List<String> tokens) {
    this.tokens = List.copyOf(tokens);
    this.ids = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (ids.putIfAbsent(tokens.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate token '" + tokens.get(i) + "'");
      }
    }
  }

  /** The tokens seen at least {@code minCount} times in {@code sentences}. */
  public static Vocabulary build(Iterable<List<String>> sentences, int minCount) {
    Map<String, long[]> counts = new HashMap<>(); // token -> {count, first seen}
    long seen = 0;
    for (List<String> sentence : sentences) {
      for (String t : sentence) {
        long order = seen++;
        counts.computeIfAbsent(t, k -> new long[] {0, order})[0]++;
      }
    }
    List<Map.Entry<String, long[]>> kept = new ArrayList<>();
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      if (e.getValue()[0] >= minCount && !SPECIALS.contains(e.getKey())) {
        kept.add(e);
      }
    }
    kept.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
        .thenComparingLong(e -> e.getValue()[1]));
    List<String> tokens = new ArrayList<>(SPECIALS);
    kept.forEach(e -> tokens.add(e.getKey()));
    return new Vocabulary(tokens);
  }

  public static Vocabulary load(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.size() < SPECIALS.size() || !lines.subList(0, SPECIALS.size()).equals(SPECIALS)) {
      throw new DataException(file + ": not a vocabulary (expected " + SPECIALS + " first)");
    }
    try {
      return new Vocabulary(lines);
    } catch (IllegalArgumentException e) {
      throw new DataException(file + ": " + e.getMessage());
    }
  }

  public void save(Path file) throws IOException {
    Files.write(file, tokens, StandardCharsets.UTF_8);
  }

  public int size() {
    return tokens.size();
  }

  public String token(int id) {
    return tokens.get(id);
  }

  public int id(String token) {
    return ids.getOrDefault(token, UNK);
  }

  public int[] encode(List<String> sentence) {
    int[] out = new int[sentence.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = id(sentence.get(i));
    }
    return out;
  }
}
