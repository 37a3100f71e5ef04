package dev.seq2seq.task.forecasting.data;

import dev.seq2seq.util.Suggestions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a time series from a CSV file with a header line: a time column and numeric value columns
 * chosen by name. Every problem (no file, empty file, unknown column, a non-numeric or empty
 * cell, a short row) is a {@link SeriesException} naming the file, the line and the column.
 * Missing values are not filled in: guessing them would change what the model is scored on.
 */
public final class SeriesCsv {
  private SeriesCsv() {}

  /**
   * @param timeColumn the time column's name; empty for the first column
   * @param columns the value columns; empty for every column but the time column
   */
  public static TimeSeries read(Path file, String timeColumn, List<String> columns)
      throws IOException {
    if (Files.isDirectory(file)) {
      throw new SeriesException(file + " is a folder, not a CSV file");
    }
    List<String> lines;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines = reader.lines().toList();
    } catch (NoSuchFileException e) {
      throw new SeriesException(file + ": no such file");
    } catch (java.io.UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new SeriesException(file + " is not UTF-8 text (is it a CSV file?)");
      }
      throw e.getCause();
    }
    return parse(file.toString(), lines, timeColumn, columns);
  }

  /** Parses the lines of a CSV file; {@code source} names it in messages. */
  public static TimeSeries parse(
      String source, List<String> lines, String timeColumn, List<String> columns) {
    int headerIndex = 0;
    while (headerIndex < lines.size() && lines.get(headerIndex).isBlank()) {
      headerIndex++;
    }
    if (headerIndex == lines.size()) {
      throw new SeriesException(source + " is empty: a header line and at least one row expected");
    }
    List<String> header = fields(source, headerIndex + 1, stripBom(lines.get(headerIndex)));
    Set<String> seen = new HashSet<>();
    for (String name : header) {
      if (name.isEmpty()) {
        throw new SeriesException(source + " line " + (headerIndex + 1)
            + ": the header has an empty column name");
      }
      if (!seen.add(name)) {
        throw new SeriesException(source + " line " + (headerIndex + 1) + ": column '" + name
            + "' appears twice in the header");
      }
    }
    String time = timeColumn.isEmpty() ? header.get(0) : timeColumn;
    int timeIndex = columnIndex(source, headerIndex + 1, header, time, "time column");
    List<String> chosen = new ArrayList<>(columns);
    if (chosen.isEmpty()) {
      header.stream().filter(h -> !h.equals(time)).forEach(chosen::add);
      if (chosen.isEmpty()) {
        throw new SeriesException(source + " line " + (headerIndex + 1)
            + ": only the time column '" + time + "'; at least one value column expected");
      }
    }
    int[] indices = new int[chosen.size()];
    for (int c = 0; c < indices.length; c++) {
      if (chosen.get(c).equals(time)) {
        throw new SeriesException(source + ": column '" + time
            + "' is the time column and cannot also be a value column");
      }
      indices[c] = columnIndex(source, headerIndex + 1, header, chosen.get(c), "column");
    }
    List<String> times = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    for (int i = headerIndex + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int lineNumber = i + 1;
      List<String> row = fields(source, lineNumber, line);
      if (row.size() != header.size()) {
        throw new SeriesException(source + " line " + lineNumber + ": " + row.size()
            + " fields, but the header has " + header.size());
      }
      String t = row.get(timeIndex);
      if (t.isEmpty()) {
        throw new SeriesException(
            source + " line " + lineNumber + ", column '" + time + "': empty time");
      }
      double[] v = new double[indices.length];
      for (int c = 0; c < indices.length; c++) {
        v[c] = number(source, lineNumber, chosen.get(c), row.get(indices[c]));
      }
      times.add(t);
      values.add(v);
      lineNumbers.add(lineNumber);
    }
    if (times.isEmpty()) {
      throw new SeriesException(source + " has a header but no rows");
    }
    return new TimeSeries(source, time, times, chosen, values.toArray(double[][]::new),
        lineNumbers.stream().mapToInt(Integer::intValue).toArray());
  }

  private static double number(String source, int line, String column, String cell) {
    String where = source + " line " + line + ", column '" + column + "': ";
    if (cell.isEmpty()) {
      throw new SeriesException(where + "empty cell (missing values are not filled in: remove"
          + " the row or fill the value)");
    }
    double v;
    try {
      v = Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new SeriesException(where + "'" + cell + "' is not a number");
    }
    if (!Double.isFinite(v)) {
      throw new SeriesException(where + "'" + cell + "' is not a finite number");
    }
    return v;
  }

  private static int columnIndex(
      String source, int line, List<String> header, String name, String what) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new SeriesException(source + " line " + line + ": no " + what + " '" + name + "'"
          + Suggestions.didYouMean(name, header) + "; the header has: " + String.join(", ", header));
    }
    return index;
  }

  private static List<String> fields(String source, int line, String text) {
    try {
      return Csv.fields(text);
    } catch (IllegalArgumentException e) {
      throw new SeriesException(source + " line " + line + ": " + e.getMessage());
    }
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
