package dev.seq2seq.task.translation.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words and single punctuation marks: the regex {@code \w+|[^\w\s]} with Unicode classes (the
 * mt-small benchmark's tokenisation), optionally lower-cased first.
 */
public record WordTokenizer(boolean lowercase) implements Tokenizer {
  /** Unicode classes so that "Straße" and "café" stay one word, as in Python's {@code re}. */
  static final Pattern TOKEN = Pattern.compile("\\w+|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  /** Marks that hug the previous token: "word ." → "word.". */
  private static final Set<String> CLOSING = Set.of(".", ",", "!", "?", ";", ":", ")", "]", "}", "%", "…");
  /** Marks that hug the next token: "( word" → "(word". */
  private static final Set<String> OPENING = Set.of("(", "[", "{", "¿", "¡", "„");
  /** Marks that join two words: "t - shirt" → "t-shirt", "o ' clock" → "o'clock". */
  private static final Set<String> JOINERS = Set.of("-", "'", "’", "/");
  /** Clitics after an apostrophe that follows a word: "dog ' s" → "dog's", "don ' t" → "don't". */
  private static final Set<String> CLITICS = Set.of("s", "t", "re", "ve", "ll", "d", "m");

  @Override
  public List<String> encode(String text) {
    String s = lowercase ? text.toLowerCase(Locale.ROOT) : text;
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(s);
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }

  @Override
  public String decode(List<String> tokens) {
    return detokenize(tokens);
  }

  /**
   * Joins tokens with spaces except where a sentence would not have one. Straight double quotes
   * alternate between opening and closing. A word-joining mark only joins when a word is on both
   * sides, so a free-standing dash keeps its spaces.
   */
  public static String detokenize(List<String> tokens) {
    StringBuilder out = new StringBuilder();
    boolean attachNext = true; // no space before the first token
    boolean quoteOpen = false;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      String prev = i > 0 ? tokens.get(i - 1) : null;
      String next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      boolean attachLeft = attachNext;
      attachNext = false;
      if (CLOSING.contains(t)) {
        attachLeft = true;
      } else if (OPENING.contains(t)) {
        attachNext = true;
      } else if (t.equals("\"")) {
        if (quoteOpen) {
          attachLeft = true;
        } else {
          attachNext = true;
        }
        quoteOpen = !quoteOpen;
      } else if (JOINERS.contains(t) && isWord(prev) && isWord(next)) {
        boolean apostrophe = !t.equals("-") && !t.equals("/");
        // "dog ' s" joins; "rock ' n ' roll" style quotes of whole words are left alone.
        if (!apostrophe || CLITICS.contains(next.toLowerCase(Locale.ROOT)) || prev.length() == 1) {
          attachLeft = true;
          attachNext = true;
        }
      }
      if (out.length() > 0 && !attachLeft) {
        out.append(' ');
      }
      out.append(t);
    }
    return out.toString();
  }

  private static boolean isWord(String token) {
    return token != null && WORD.matcher(token).matches();
  }
}
