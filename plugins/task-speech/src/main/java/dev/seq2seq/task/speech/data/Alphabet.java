package dev.seq2seq.task.speech.data;

import java.util.Locale;

/**
 * The characters a speech model writes: CTC blank at 0, then space, {@code a}–{@code z} and the
 * apostrophe, in the asr-small peer's order ({@code "_ abcdefghijklmnopqrstuvwxyz'"}), so weights
 * and outputs line up with it.
 */
public final class Alphabet {
  /** Index 0 is the CTC blank (written {@code _}); the others are the characters themselves. */
  public static final String SYMBOLS = "_ abcdefghijklmnopqrstuvwxyz'";

  public static final int BLANK = 0;

  private Alphabet() {}

  public static int size() {
    return SYMBOLS.length();
  }

  /**
   * The form transcripts are compared in: lower case, runs of whitespace as one space, no
   * leading or trailing space.
   */
  public static String normalize(String text) {
    return text.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
  }

  /**
   * Label ids of a transcript (normalised first).
   *
   * @param source names the transcript in the error (a manifest line, a file)
   * @throws IllegalArgumentException naming the first character outside the alphabet
   */
  public static int[] encode(String text, String source) {
    String t = normalize(text);
    int[] ids = new int[t.length()];
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      int id = c == '_' ? -1 : SYMBOLS.indexOf(c);
      if (id < 0) {
        throw new IllegalArgumentException(source + ": transcript \"" + text + "\" has '" + c
            + "' (U+" + String.format("%04X", (int) c) + "), which is not among the model's"
            + " characters (a-z, space, apostrophe)");
      }
      ids[i] = id;
    }
    return ids;
  }

  public static String decode(int[] ids) {
    StringBuilder s = new StringBuilder(ids.length);
    for (int id : ids) {
      if (id <= BLANK || id >= SYMBOLS.length()) {
        throw new IllegalArgumentException("label " + id + " is not a character (1.." + (size() - 1) + ")");
      }
      s.append(SYMBOLS.charAt(id));
    }
    return s.toString();
  }

  /** The alphabet as saved next to a model, for tools that read its outputs. */
  public static String json() {
    StringBuilder s = new StringBuilder("{\"blank\": 0, \"symbols\": [");
    for (int i = 0; i < SYMBOLS.length(); i++) {
      s.append(i == 0 ? "" : ", ").append('"').append(i == 0 ? "<blank>" : SYMBOLS.substring(i, i + 1)).append('"');
    }
    return s.append("]}\n").toString();
  }
}
