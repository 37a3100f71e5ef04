package dev.seq2seq.task.speech.data;

import dev.seq2seq.nn.VocabularyConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Whole words from a closed list: word {@code i} of the list is class {@code i + 1}. */
public record WordUnits(List<String> words) implements OutputUnits {
  public WordUnits {
    words = words(words);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("word units need at least one word");
    }
  }

  /**
   * The entries normalised as transcripts are.
   *
   * @throws IllegalArgumentException naming an entry that is empty, not a single word, or repeated
   */
  static List<String> words(List<String> entries) {
    List<String> out = new ArrayList<>(entries.size());
    for (String entry : entries) {
      String w = Alphabet.normalize(entry);
      if (w.isEmpty() || w.contains(" ")) {
        throw new IllegalArgumentException("entry \"" + entry + "\" is not a single word");
      }
      if (out.contains(w)) {
        throw new IllegalArgumentException("entry \"" + entry + "\" is listed twice");
      }
      out.add(w);
    }
    return List.copyOf(out);
  }

  @Override
  public int size() {
    return words.size() + 1;
  }

  @Override
  public int[] encode(String text, String source) {
    String t = Alphabet.normalize(text);
    if (t.isEmpty()) {
      return new int[0];
    }
    String[] tokens = t.split(" ");
    int[] ids = new int[tokens.length];
    Map<String, Integer> index = index();
    for (int i = 0; i < tokens.length; i++) {
      Integer id = index.get(tokens[i]);
      if (id == null) {
        throw new IllegalArgumentException(source + ": transcript \"" + text + "\" has the word \""
            + tokens[i] + "\", which is not among the model's " + words.size() + " words ("
            + String.join(", ", words.subList(0, Math.min(12, words.size())))
            + (words.size() > 12 ? ", ..." : "") + ")");
      }
      ids[i] = id;
    }
    return ids;
  }

  private Map<String, Integer> index() {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      index.put(words.get(i), i + 1);
    }
    return index;
  }

  @Override
  public String decode(int[] ids) {
    StringBuilder s = new StringBuilder();
    for (int id : ids) {
      if (id <= BLANK || id > words.size()) {
        throw new IllegalArgumentException("label " + id + " is not a word (1.." + words.size() + ")");
      }
      s.append(s.length() == 0 ? "" : " ").append(words.get(id - 1));
    }
    return s.toString();
  }

  /** None: every sequence of word labels is a sequence of words. */
  @Override
  public VocabularyConstraint constraint() {
    return null;
  }

  @Override
  public String json() {
    StringBuilder s = new StringBuilder("{\"blank\": 0, \"units\": \"words\", \"symbols\": [\"<blank>\"");
    for (String w : words) {
      s.append(", \"");
      w.chars().forEach(c -> s.append(c == '"' || c == '\\' ? "\\" + (char) c
          : c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
      s.append('"');
    }
    return s.append("]}\n").toString();
  }
}
