package dev.seq2seq.task.translation.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One token per character (code point, so characters outside the BMP stay whole). Runs of
 * whitespace become one visible {@link #SPACE} token, so decoding restores word boundaries.
 */
public record CharTokenizer(boolean lowercase) implements Tokenizer {
  /** U+2581, the SentencePiece convention, rarely found in ordinary text. */
  public static final String SPACE = "\u2581";

  @Override
  public List<String> encode(String text) {
    String s = (lowercase ? text.toLowerCase(Locale.ROOT) : text).strip();
    List<String> tokens = new ArrayList<>(s.length());
    boolean inSpace = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        if (!inSpace) {
          tokens.add(SPACE);
        }
        inSpace = true;
      } else {
        tokens.add(new String(Character.toChars(cp)));
        inSpace = false;
      }
    }
    return tokens;
  }

  @Override
  public String decode(List<String> tokens) {
    StringBuilder out = new StringBuilder();
    for (String t : tokens) {
      out.append(t.equals(SPACE) ? " " : t);
    }
    return out.toString().strip();
  }
}
