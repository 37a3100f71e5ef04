package dev.seq2seq.task.translation.text;

import java.io.BufferedReader;
import java.io.BufferedWriter;
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
 * Token ↔ id. Ids 0–3 are the specials {@code <pad> <unk> <s> </s>}; then the counted tokens,
 * most frequent first, ties in string order, so the same counts always give the same ids.
 */
public final class Vocabulary {
  public static final String PAD = "<pad>";
  public static final String UNK = "<unk>";
  public static final String BOS = "<s>";
  public static final String EOS = "</s>";
  public static final List<String> SPECIALS = List.of(PAD, UNK, BOS, EOS);
  public static final int PAD_ID = 0;
  public static final int UNK_ID = 1;
  public static final int BOS_ID = 2;
  public static final int EOS_ID = 3;

  private final List<String> tokens;
  private final Map<String, Integer> ids;

  private Vocabulary(List<String> tokens) {
    this.tokens = List.copyOf(tokens);
    Map<String, Integer> m = new HashMap<>(tokens.size() * 2);
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.isEmpty() || t.chars().anyMatch(c -> c == '\n' || c == '\r')) {
        throw new IllegalArgumentException("token " + i + " is empty or holds a line break: '" + t + "'");
      }
      if (m.put(t, i) != null) {
        throw new IllegalArgumentException("token '" + t + "' occurs twice (ids " + m.get(t) + " and " + i + ")");
      }
    }
    this.ids = Map.copyOf(m);
  }

  /** The specials, then the tokens of {@code counts} seen at least {@code minCount} times. */
  public static Vocabulary build(Map<String, Long> counts, int minCount, int maxSize) {
    if (maxSize < SPECIALS.size()) {
      throw new IllegalArgumentException("maxSize " + maxSize + " leaves no room for the " + SPECIALS.size() + " specials");
    }
    List<Map.Entry<String, Long>> kept = new ArrayList<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (e.getValue() >= minCount && !SPECIALS.contains(e.getKey())) {
        kept.add(e);
      }
    }
    kept.sort(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
        .thenComparing(Map.Entry::getKey));
    List<String> tokens = new ArrayList<>(SPECIALS);
    for (int i = 0; i < kept.size() && tokens.size() < maxSize; i++) {
      tokens.add(kept.get(i).getKey());
    }
    return new Vocabulary(tokens);
  }

  /** Counts the tokens of each sentence and builds from the counts. */
  public static Vocabulary build(Iterable<List<String>> sentences, int minCount, int maxSize) {
    Map<String, Long> counts = new HashMap<>();
    for (List<String> s : sentences) {
      for (String t : s) {
        counts.merge(t, 1L, Long::sum);
      }
    }
    return build(counts, minCount, maxSize);
  }

  public int size() {
    return tokens.size();
  }

  /** The id of {@code token}, {@link #UNK_ID} when it is not in the vocabulary. */
  public int id(String token) {
    return ids.getOrDefault(token, UNK_ID);
  }

  public boolean contains(String token) {
    return ids.containsKey(token);
  }

  public String token(int id) {
    return tokens.get(id);
  }

  public List<String> tokens() {
    return tokens;
  }

  /** Ids of a sentence and how many of its tokens became {@code <unk>}. */
  public record Encoded(int[] ids, int unknown) {}

  /** Ids of {@code sentence}, optionally framed by {@code <s>} … {@code </s>}. */
  public Encoded encode(List<String> sentence, boolean frame) {
    int[] out = new int[sentence.size() + (frame ? 2 : 0)];
    int n = 0;
    int unknown = 0;
    if (frame) {
      out[n++] = BOS_ID;
    }
    for (String t : sentence) {
      Integer id = ids.get(t);
      if (id == null) {
        unknown++;
        id = UNK_ID;
      }
      out[n++] = id;
    }
    if (frame) {
      out[n] = EOS_ID;
    }
    return new Encoded(out, unknown);
  }

  /** Tokens for {@code ids}, stopping at {@code </s>} and skipping {@code <pad>} and {@code <s>}. */
  public List<String> decode(int[] idSeq) {
    List<String> out = new ArrayList<>(idSeq.length);
    for (int id : idSeq) {
      if (id == EOS_ID) {
        break;
      }
      if (id != PAD_ID && id != BOS_ID) {
        out.add(tokens.get(id));
      }
    }
    return out;
  }

  /** One token per line, UTF-8, in id order (specials included), so the file is the mapping. */
  public void save(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String t : tokens) {
        out.write(t);
        out.write('\n');
      }
    }
  }

  /** Reads what {@link #save} wrote; the specials must come first, in their order. */
  public static Vocabulary load(Path file) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        tokens.add(line);
      }
    }
    if (tokens.size() < SPECIALS.size() || !tokens.subList(0, SPECIALS.size()).equals(SPECIALS)) {
      throw new IOException(file + ": a vocabulary starts with the lines " + String.join(" ", SPECIALS));
    }
    try {
      return new Vocabulary(tokens);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v && v.tokens.equals(tokens);
  }

  @Override
  public int hashCode() {
    return tokens.hashCode();
  }

  @Override
  public String toString() {
    return "Vocabulary(" + tokens.size() + " tokens)";
  }
}
