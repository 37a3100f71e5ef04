package dev.seq2seq.metrics.text;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * sacreBLEU's tokenizers for BLEU, by the names its signature uses. Each returns the tokens
 * joined by single spaces, as sacreBLEU does before it splits them again.
 */
enum BleuTokenizer {
  /** mteval-v13a as sacreBLEU's {@code Tokenizer13a} + {@code TokenizerRegexp} write it. */
  THIRTEEN_A("13a") {
    @Override
    String tokenize(String line) {
      line = line.replace("<skipped>", "");
      line = line.replace("-\n", "");
      line = line.replace("\n", " ");
      if (line.indexOf('&') >= 0) {
        line = line.replace("&quot;", "\"");
        line = line.replace("&amp;", "&");
        line = line.replace("&lt;", "<");
        line = line.replace("&gt;", ">");
      }
      // The padding spaces let the period/comma rules see a non-digit at both ends.
      line = " " + line + " ";
      line = SYMBOLS.matcher(line).replaceAll(" $1 ");
      line = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
      line = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
      line = DASH_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
      return String.join(" ", PyText.split(line));
    }
  },
  /** No tokenization: the line as it is (sacreBLEU's {@code NoneTokenizer}). */
  NONE("none") {
    @Override
    String tokenize(String line) {
      return line;
    }
  },
  /** mteval-v14 international: Unicode punctuation and symbols (sacreBLEU 2.x {@code intl}). */
  INTL("intl") {
    @Override
    String tokenize(String line) {
      line = INTL_PUNCT_AFTER_NON_NUMBER.matcher(line).replaceAll("$1 $2 ");
      line = INTL_PUNCT_BEFORE_NON_NUMBER.matcher(line).replaceAll(" $1 $2");
      line = INTL_SYMBOL.matcher(line).replaceAll(" $1 ");
      return String.join(" ", PyText.split(line));
    }
  },
  /** Every character a token (code points, as Python iterates a string). */
  CHAR("char") {
    @Override
    String tokenize(String line) {
      return line.codePoints().mapToObj(Character::toString).collect(Collectors.joining(" "));
    }
  };

  // Python's class [\{-\~\[-\` -\&\(-\+\:-\@\/]: ASCII punctuation and symbols except the
  // apostrophe, period, comma and hyphen, which the rules below treat by context. Escaped so that
  // Java does not read "&" or "[" as class operators.
  private static final Pattern SYMBOLS =
      Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
  private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");
  private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");
  private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

  private static final Pattern INTL_PUNCT_AFTER_NON_NUMBER = Pattern.compile("(\\P{N})(\\p{P})");
  private static final Pattern INTL_PUNCT_BEFORE_NON_NUMBER = Pattern.compile("(\\p{P})(\\P{N})");
  private static final Pattern INTL_SYMBOL = Pattern.compile("(\\p{S})");

  private final String signatureName;

  BleuTokenizer(String signatureName) {
    this.signatureName = signatureName;
  }

  /** The name used on the command line and in signatures ({@code tok:13a}). */
  String signatureName() {
    return signatureName;
  }

  abstract String tokenize(String line);

  static List<String> names() {
    return Arrays.stream(values()).map(BleuTokenizer::signatureName).toList();
  }

  /** The tokenizer called {@code name}, or an exception listing the known names. */
  static BleuTokenizer named(String name) {
    for (BleuTokenizer t : values()) {
      if (t.signatureName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown BLEU tokenizer '" + name + "'"
            + dev.seq2seq.util.Suggestions.didYouMean(name, names())
            + "; known: " + String.join(", ", names()));
  }
}
