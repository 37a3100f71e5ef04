package dev.seq2seq.task.forecasting.data;

import java.util.List;

/**
 * A series as read from a file: one time label per row and, per row, the chosen columns' values.
 *
 * @param source where it was read from, for messages
 * @param timeColumn the name of the time column
 * @param times the time label of each row, as written
 * @param columns the value columns, in the order of {@code values}' inner arrays
 * @param values {@code [row][column]}
 * @param lines the file line of each row (1-based), for messages
 */
public record TimeSeries(
    String source, String timeColumn, List<String> times, List<String> columns, double[][] values,
    int[] lines) {

  public TimeSeries {
    times = List.copyOf(times);
    columns = List.copyOf(columns);
    if (values.length != times.size() || lines.length != times.size()) {
      throw new IllegalArgumentException("rows disagree: " + times.size() + " times, "
          + values.length + " value rows, " + lines.length + " line numbers");
    }
  }

  public int rows() {
    return values.length;
  }

  /** Column {@code c} as one array. */
  public double[] column(int c) {
    double[] out = new double[values.length];
    for (int r = 0; r < values.length; r++) {
      out[r] = values[r][c];
    }
    return out;
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
  public TimeSeries rows(int from, int to) {
    return new TimeSeries(source, timeColumn, times.subList(from, to), columns,
        java.util.Arrays.copyOfRange(values, from, to),
        java.util.Arrays.copyOfRange(lines, from, to));
  }
}
