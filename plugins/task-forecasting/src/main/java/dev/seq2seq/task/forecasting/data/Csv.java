package dev.seq2seq.task.forecasting.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV record into fields (RFC 4180: commas, double quotes, {@code ""} inside quotes).
 * Fields are trimmed, so {@code "1749-01", 58.0} reads as two clean fields. Records never span
 * lines here: a time series has no multi-line cells, and an unclosed quote is reported instead.
 */
final class Csv {
  private Csv() {}

  /** The fields of {@code line}, or a message (via the exception) saying what is malformed. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == ',') {
        out.add(wasQuoted ? field.toString() : field.toString().strip());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        quoted = true;
        wasQuoted = true;
      } else if (wasQuoted && !Character.isWhitespace(c)) {
        throw new IllegalArgumentException("text after a closing quote: " + line);
      } else if (!wasQuoted) {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quote is not closed: " + line);
    }
    out.add(wasQuoted ? field.toString() : field.toString().strip());
    return out;
  }
}
