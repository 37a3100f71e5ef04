package dev.seq2seq.task.translation.text;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learned BPE merges and the segmentation of words with them. A word is split into characters
 * plus {@link #END}; then the adjacent pair with the lowest merge rank is merged (every
 * occurrence, left to right) until no learned pair is left, which reproduces what learning did.
 * Segmentations are cached per word: text repeats words heavily, so most lookups are hits.
 */
public final class BpeModel {
  /** The end-of-word symbol; it ends the last piece of every word after enough merges. */
  public static final String END = "</w>";
  static final String HEADER = "#seq2seq-bpe v1 end-of-word " + END;
  private static final int CACHE_LIMIT = 200_000;

  /** One merge: the two symbols joined, in the order they were learned. */
  public record Merge(String left, String right) {
    public Merge {
      if (left.isEmpty() || right.isEmpty() || (left + right).chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("a merge joins two non-empty symbols without whitespace: '"
            + left + "' '" + right + "'");
      }
    }
  }

  private final List<Merge> merges;
  private final Map<String, Integer> ranks = new HashMap<>();
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  public BpeModel(List<Merge> merges) {
    this.merges = List.copyOf(merges);
    for (int i = 0; i < this.merges.size(); i++) {
      ranks.putIfAbsent(key(this.merges.get(i).left(), this.merges.get(i).right()), i);
    }
  }

  public List<Merge> merges() {
    return merges;
  }

  /** The pieces of {@code word} (no whitespace); the last one ends with {@link #END}. */
  public List<String> segment(String word) {
    List<String> cached = cache.get(word);
    if (cached != null) {
      return cached;
    }
    List<String> symbols = new ArrayList<>(word.length() + 1);
    word.codePoints().forEach(cp -> symbols.add(new String(Character.toChars(cp))));
    symbols.add(END);
    while (symbols.size() > 1) {
      int bestRank = Integer.MAX_VALUE;
      for (int i = 0; i + 1 < symbols.size(); i++) {
        Integer r = ranks.get(key(symbols.get(i), symbols.get(i + 1)));
        if (r != null && r < bestRank) {
          bestRank = r;
        }
      }
      if (bestRank == Integer.MAX_VALUE) {
        break;
      }
      Merge m = merges.get(bestRank);
      for (int i = 0; i + 1 < symbols.size(); i++) {
        if (symbols.get(i).equals(m.left()) && symbols.get(i + 1).equals(m.right())) {
          symbols.set(i, m.left() + m.right());
          symbols.remove(i + 1);
        }
      }
    }
    // The last piece can be END on its own when that merge was never learned; it is kept, so
    // decoding always knows where a word ends.
    List<String> result = List.copyOf(symbols);
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear(); // a crude bound; rare words in long streams must not grow it forever
    }
    cache.put(word, result);
    return result;
  }

  /** Writes the merges as text: a header line, then one merge per line, "left right". */
  public void save(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      for (Merge m : merges) {
        out.write(m.left());
        out.write(' ');
        out.write(m.right());
        out.write('\n');
      }
    }
  }

  /** Reads what {@link #save} wrote; errors name the file and line. */
  public static BpeModel load(Path file) throws IOException {
    List<Merge> merges = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      if (line == null || !line.equals(HEADER)) {
        throw new IOException(file + ":1: not a seq2seq BPE merges file (expected the header '" + HEADER + "')");
      }
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isEmpty()) {
          continue;
        }
        String[] parts = line.split(" ", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
          throw new IOException(file + ":" + lineNo + ": expected two symbols separated by one space, got '" + line + "'");
        }
        merges.add(new Merge(parts[0], parts[1]));
      }
    }
    return new BpeModel(merges);
  }

  private static String key(String left, String right) {
    return left + ' ' + right; // symbols never contain whitespace
  }
}
