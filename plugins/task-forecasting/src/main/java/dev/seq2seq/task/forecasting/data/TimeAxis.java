package dev.seq2seq.task.forecasting.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the time column's labels mean: numbers, months ({@code 1749-01}), dates ({@code
 * 2020-03-31}), date-times ({@code 2020-03-31 14:00}), or plain text. Ordered kinds let a split
 * say {@code test_from: 1951-01}, give plots a real x axis (decimal years for dates) and label
 * the steps after the end of a series by continuing its last interval.
 */
public final class TimeAxis {
  /** How the labels read; all labels of a series share one kind, or the series is TEXT. */
  public enum Kind {
    NUMBER,
    MONTH,
    DATE,
    DATETIME,
    TEXT
  }

  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DATETIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  private final TimeSeries series;
  private final Kind kind;

  private TimeAxis(TimeSeries series, Kind kind) {
    this.series = series;
    this.kind = kind;
  }

  public static TimeAxis of(TimeSeries series) {
    Kind common = null;
    for (String label : series.times()) {
      Kind k = kindOf(label);
      if (common == null) {
        common = k;
      } else if (k != common) {
        common = Kind.TEXT;
      }
      if (common == Kind.TEXT) {
        break;
      }
    }
    return new TimeAxis(series, common);
  }

  public Kind kind() {
    return kind;
  }

  static Kind kindOf(String label) {
    try {
      if (NUMBER.matcher(label).matches()) {
        return Kind.NUMBER;
      }
      if (MONTH.matcher(label).matches()) {
        YearMonth.parse(label);
        return Kind.MONTH;
      }
      if (DATE.matcher(label).matches()) {
        LocalDate.parse(label);
        return Kind.DATE;
      }
      if (DATETIME.matcher(label).matches()) {
        LocalDateTime.parse(label.replace(' ', 'T'));
        return Kind.DATETIME;
      }
    } catch (DateTimeParseException e) {
      return Kind.TEXT; // 2020-13 looks like a month but is not one
    }
    return Kind.TEXT;
  }

  /**
   * The index of the first row whose time is at or after {@code bound} ({@link
   * TimeSeries#rows()} when none is). A date-like series accepts any date-like bound, a bare
   * year meaning its first day.
   *
   * @throws SeriesException when the labels are not ordered times or the bound does not compare
   */
  public int firstAtOrAfter(String bound, String what) {
    if (kind == Kind.TEXT) {
      throw new SeriesException(series.source() + ", column '" + series.timeColumn()
          + "': the times are not all numbers or ISO dates (for example '"
          + series.times().get(0) + "'), so " + what + " cannot be compared with them;"
          + " split by fraction instead");
    }
    double b = boundValue(bound, what);
    requireIncreasing();
    for (int i = 0; i < series.rows(); i++) {
      if (value(series.times().get(i)) >= b) {
        return i;
      }
    }
    return series.rows();
  }

  private double boundValue(String bound, String what) {
    Kind k = kindOf(bound);
    boolean dateLike = kind != Kind.NUMBER;
    if (dateLike && YEAR.matcher(bound).matches()) {
      return value(bound + "-01");
    }
    if (k == Kind.TEXT || (k == Kind.NUMBER) == dateLike) {
      throw new SeriesException(what + " '" + bound + "' does not compare with the times of "
          + series.source() + " (column '" + series.timeColumn() + "', for example '"
          + series.times().get(0) + "')");
    }
    return value(bound);
  }

  /** Strictly increasing times, or an error naming the first line out of order. */
  public void requireIncreasing() {
    for (int i = 1; i < series.rows(); i++) {
      if (!(value(series.times().get(i)) > value(series.times().get(i - 1)))) {
        throw new SeriesException(series.source() + " line " + series.lines()[i] + ", column '"
            + series.timeColumn() + "': time '" + series.times().get(i)
            + "' does not come after '" + series.times().get(i - 1) + "' (rows must be in time order)");
      }
    }
  }

  /** A number that orders the label: the number itself, or seconds since 1970 for dates. */
  private static double value(String label) {
    return switch (kindOf(label)) {
      case NUMBER -> Double.parseDouble(label);
      case MONTH -> YearMonth.parse(label).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
      case DATE -> LocalDate.parse(label).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
      case DATETIME -> LocalDateTime.parse(label.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
      case TEXT -> throw new IllegalStateException("text has no order: " + label);
    };
  }

  /** The x value of row {@code i} in a plot: the number, a decimal year, or the row index. */
  public double x(int i) {
    return x(series.times().get(i), i);
  }

  /** The x values of every row. */
  public double[] xs() {
    double[] out = new double[series.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = x(i);
    }
    return out;
  }

  private double x(String label, int index) {
    return switch (kind) {
      case NUMBER -> Double.parseDouble(label);
      case TEXT -> index;
      default -> decimalYear(LocalDateTime.ofEpochSecond((long) value(label), 0, ZoneOffset.UTC));
    };
  }

  /** A label axis's name for plots. */
  public String xLabel() {
    return kind == Kind.TEXT ? "row" : kind == Kind.NUMBER ? series.timeColumn() : "year";
  }

  private static double decimalYear(LocalDateTime t) {
    LocalDateTime start = LocalDateTime.of(t.getYear(), 1, 1, 0, 0);
    double seconds = ChronoUnit.SECONDS.between(start, t);
    double year = ChronoUnit.SECONDS.between(start, start.plusYears(1));
    return t.getYear() + seconds / year;
  }

  /** The {@code n} labels that follow the last row, continuing its last interval. */
  public List<String> next(int n) {
    List<String> out = new ArrayList<>(n);
    List<String> t = series.times();
    String last = t.get(t.size() - 1);
    String prev = t.size() > 1 ? t.get(t.size() - 2) : null;
    for (int k = 1; k <= n; k++) {
      out.add(switch (kind) {
        case NUMBER -> {
          BigDecimal l = new BigDecimal(last);
          BigDecimal step = prev == null ? BigDecimal.ONE : l.subtract(new BigDecimal(prev));
          yield l.add(step.multiply(BigDecimal.valueOf(k))).toPlainString();
        }
        case MONTH -> {
          YearMonth l = YearMonth.parse(last);
          long step = prev == null ? 1 : ChronoUnit.MONTHS.between(YearMonth.parse(prev), l);
          yield l.plusMonths(step * k).toString();
        }
        case DATE -> {
          LocalDate l = LocalDate.parse(last);
          LocalDate p = prev == null ? l.minusDays(1) : LocalDate.parse(prev);
          long months = ChronoUnit.MONTHS.between(p, l);
          // Month ends and month starts step by months; anything else by its days.
          yield months > 0 && p.plusMonths(months).equals(l)
              ? l.plusMonths(months * k).toString()
              : l.plusDays(ChronoUnit.DAYS.between(p, l) * k).toString();
        }
        case DATETIME -> {
          LocalDateTime l = LocalDateTime.parse(last.replace(' ', 'T'));
          LocalDateTime p = prev == null ? l.minusHours(1) : LocalDateTime.parse(prev.replace(' ', 'T'));
          String s = l.plusSeconds(ChronoUnit.SECONDS.between(p, l) * k).toString();
          yield last.contains(" ") ? s.replace('T', ' ') : s;
        }
        case TEXT -> "+" + k;
      });
    }
    return out;
  }

  /** The plot x values of {@link #next(int)}. */
  public double[] nextXs(int n) {
    List<String> labels = next(n);
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      out[k] = x(labels.get(k), series.rows() + k);
    }
    return out;
  }
}
