package dev.seq2seq.metrics.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few Python string operations sacreBLEU relies on, reproduced exactly: Java's {@code
 * trim}/{@code split("\\s+")} and {@code String.format} disagree with Python on which characters
 * are whitespace and on how halfway decimals round, and either would shift scores or printed
 * figures on some inputs.
 */
final class PyText {
  private PyText() {}

  /** Python's {@code str.isspace} for one code point (bidi class WS, B or S, or category Zs). */
  static boolean isSpace(int c) {
    return switch (c) {
      case '\t', '\n', 0x0b, '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, ' ', 0x85, 0xa0, 0x1680, 0x2028,
          0x2029, 0x202f, 0x205f, 0x3000 -> true;
      default -> c >= 0x2000 && c <= 0x200a;
    };
  }

  /** Python's {@code str.split()}: runs of whitespace separate, no empty pieces. */
  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (isSpace(c)) {
        if (start >= 0) {
          out.add(s.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(c);
    }
    if (start >= 0) {
      out.add(s.substring(start));
    }
    return out;
  }

  /** Python's {@code str.rstrip()}. */
  static String rstrip(String s) {
    int end = s.length();
    while (end > 0) {
      int c = s.codePointBefore(end);
      if (!isSpace(c)) {
        break;
      }
      end -= Character.charCount(c);
    }
    return s.substring(0, end);
  }

  /** Python's {@code str.lower()} (full case mapping, locale independent). */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * Python's {@code f"{x:.Nf}"}: the exact binary value rounded half to even, where {@code
   * String.format} rounds the shortest decimal representation half up (0.125 → "0.12" here,
   * "0.13" there).
   */
  static String fixed(double x, int digits) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return Double.isNaN(x) ? "nan" : (x > 0 ? "inf" : "-inf");
    }
    String s = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    // BigDecimal drops the sign of -0.0 and of values rounding to zero; Python keeps it.
    if ((x < 0 || (x == 0 && 1 / x < 0)) && !s.startsWith("-")) {
      s = "-" + s;
    }
    return s;
  }

  /** The code points of {@code s}, since sacreBLEU indexes characters, not UTF-16 units. */
  static int[] codePoints(String s) {
    return s.codePoints().toArray();
  }
}
