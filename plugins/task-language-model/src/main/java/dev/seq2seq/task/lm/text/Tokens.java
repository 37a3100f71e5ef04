package dev.seq2seq.task.lm.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Text to tokens and back, for the two token levels. Characters are Unicode code points, so a
 * letter outside the Basic Multilingual Plane is one token, not two surrogates. Words are runs of
 * non-whitespace; each line ends with {@link #END_OF_LINE}, so generated text keeps its lines.
 */
public enum Tokens {
  CHAR,
  WORD;

  /** The word-level token that stands for a line break. */
  public static final String END_OF_LINE = "<eol>";

  /** The tokens of {@code text}, in order. */
  public List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (this == CHAR) {
      text.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      for (String word : lines[i].strip().split("\\s+")) {
        if (!word.isEmpty()) {
          out.add(word);
        }
      }
      if (i + 1 < lines.length) { // every line break is a token
        out.add(END_OF_LINE);
      }
    }
    return out;
  }

  /** The text of {@code tokens}: characters joined as they are, words by spaces and lines. */
  public String join(List<String> tokens) {
    if (this == CHAR) {
      return String.join("", tokens);
    }
    StringBuilder out = new StringBuilder();
    boolean lineStart = true;
    for (String t : tokens) {
      if (t.equals(END_OF_LINE)) {
        out.append('\n');
        lineStart = true;
        continue;
      }
      if (!lineStart) {
        out.append(' ');
      }
      out.append(t);
      lineStart = false;
    }
    return out.toString();
  }
}
