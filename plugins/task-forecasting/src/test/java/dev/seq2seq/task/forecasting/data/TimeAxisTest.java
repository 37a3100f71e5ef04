package dev.seq2seq.task.forecasting.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeAxisTest {
  static TimeSeries series(String... times) {
    double[][] values = new double[times.length][1];
    int[] lines = new int[times.length];
    for (int i = 0; i < times.length; i++) {
      lines[i] = i + 2;
    }
    return new TimeSeries("s.csv", "t", List.of(times), List.of("x"), values, lines);
  }

  @Test
  void recognisesEachKind() {
    assertThat(TimeAxis.of(series("1", "2.5", "-3e2")).kind()).isEqualTo(TimeAxis.Kind.NUMBER);
    assertThat(TimeAxis.of(series("1749-01", "1749-02")).kind()).isEqualTo(TimeAxis.Kind.MONTH);
    assertThat(TimeAxis.of(series("2020-02-29")).kind()).isEqualTo(TimeAxis.Kind.DATE);
    assertThat(TimeAxis.of(series("2020-02-29 13:00", "2020-02-29T14:00:30")).kind())
        .isEqualTo(TimeAxis.Kind.DATETIME);
    assertThat(TimeAxis.of(series("1749-13")).kind()).isEqualTo(TimeAxis.Kind.TEXT);
    assertThat(TimeAxis.of(series("1749-01", "1749-02-01")).kind()).isEqualTo(TimeAxis.Kind.TEXT);
  }

  @Test
  void findsTheFirstRowAtOrAfterABound() {
    TimeAxis months = TimeAxis.of(series("1950-11", "1950-12", "1951-01", "1951-02"));
    assertThat(months.firstAtOrAfter("1951-01", "b")).isEqualTo(2);
    assertThat(months.firstAtOrAfter("1951", "b")).isEqualTo(2); // a bare year is its January
    assertThat(months.firstAtOrAfter("1950-12-15", "b")).isEqualTo(2);
    assertThat(months.firstAtOrAfter("1900-01", "b")).isZero();
    assertThat(months.firstAtOrAfter("1999-01", "b")).isEqualTo(4);
    TimeAxis numbers = TimeAxis.of(series("0", "1", "2"));
    assertThat(numbers.firstAtOrAfter("1.5", "b")).isEqualTo(2);
  }

  @Test
  void boundsThatDoNotCompareAndUnorderedTimesAreErrors() {
    assertThatThrownBy(() -> TimeAxis.of(series("0", "1")).firstAtOrAfter("1951-01", "data.test_from"))
        .hasMessageContaining("data.test_from '1951-01' does not compare with the times of s.csv");
    assertThatThrownBy(() -> TimeAxis.of(series("a", "b")).firstAtOrAfter("1", "--cutoff"))
        .hasMessageContaining("so --cutoff cannot be compared");
    assertThatThrownBy(() -> TimeAxis.of(series("1950-01", "1950-03", "1950-02")).firstAtOrAfter("1950-02", "b"))
        .hasMessageContaining("s.csv line 4, column 't': time '1950-02' does not come after '1950-03'");
  }

  @Test
  void labelsTheStepsAfterTheEndByItsLastInterval() {
    assertThat(TimeAxis.of(series("1983-10", "1983-11", "1983-12")).next(2))
        .containsExactly("1984-01", "1984-02");
    assertThat(TimeAxis.of(series("2000-01", "2000-04")).next(2)).containsExactly("2000-07", "2000-10");
    assertThat(TimeAxis.of(series("0.5", "1.0")).next(3)).containsExactly("1.5", "2.0", "2.5");
    assertThat(TimeAxis.of(series("2020-01-30", "2020-01-31")).next(2))
        .containsExactly("2020-02-01", "2020-02-02");
    assertThat(TimeAxis.of(series("2020-01-01", "2020-02-01")).next(1)).containsExactly("2020-03-01");
    assertThat(TimeAxis.of(series("2020-01-01 23:00", "2020-01-02 00:00")).next(1))
        .containsExactly("2020-01-02 01:00");
    assertThat(TimeAxis.of(series("a", "b")).next(2)).containsExactly("+1", "+2");
  }

  @Test
  void plotsDatesAsDecimalYears() {
    TimeAxis months = TimeAxis.of(series("1951-01", "1951-07"));
    assertThat(months.x(0)).isEqualTo(1951.0);
    assertThat(months.x(1)).isCloseTo(1951 + 181.0 / 365, within(1e-9)); // July 1st
    assertThat(months.nextXs(1)[0]).isEqualTo(1952.0);
    assertThat(TimeAxis.of(series("a", "b")).xs()).containsExactly(0, 1);
  }
}
