package dev.seq2seq.task.classification.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every match of a regex is a token, optionally after lower-casing. The default {@code
 * \w+|[^\w\s]} (Unicode classes, so "café" stays one word) gives words and single punctuation
 * marks.
 */
public final class RegexTokenizer {
  private final Pattern pattern;
  private final boolean lowercase;

  public RegexTokenizer(String regex, boolean lowercase) {
    this.pattern = Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
    this.lowercase = lowercase;
  }

  public List<String> tokenize(String text) {
    String s = lowercase ? text.toLowerCase(Locale.ROOT) : text;
    List<String> tokens = new ArrayList<>();
    Matcher m = pattern.matcher(s);
    while (m.find()) {
      if (m.end() > m.start()) { // a pattern that can match nothing must not loop on ""
        tokens.add(m.group());
      }
    }
    return tokens;
  }
}
