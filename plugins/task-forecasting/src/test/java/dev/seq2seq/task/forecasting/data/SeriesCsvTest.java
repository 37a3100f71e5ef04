package dev.seq2seq.task.forecasting.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.task.forecasting.Sunspots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesCsvTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void readsQuotedCellsChosenColumnsAndSkipsBlankLines() throws IOException {
    Path csv = write("s.csv", "\uFEFF\"Month\", \"a\",b,\"c, d\"\n\"1749-01\",1.5,2,\"3\"\n\n1749-02, -4 ,5e1,6\n");
    TimeSeries s = SeriesCsv.read(csv, "Month", List.of("c, d", "a"));
    assertThat(s.times()).containsExactly("1749-01", "1749-02");
    assertThat(s.columns()).containsExactly("c, d", "a");
    assertThat(s.values()).isDeepEqualTo(new double[][] {{3, 1.5}, {6, -4}});
    assertThat(s.lines()).containsExactly(2, 4);
    assertThat(s.column(1)).containsExactly(1.5, -4);
  }

  @Test
  void defaultsAreTheFirstColumnAsTimeAndEveryOtherColumnAsValues() throws IOException {
    TimeSeries s = SeriesCsv.read(write("s.csv", "t,x,y\n0,1,2\n1,3,4"), "", List.of());
    assertThat(s.timeColumn()).isEqualTo("t");
    assertThat(s.columns()).containsExactly("x", "y");
    assertThat(s.rows()).isEqualTo(2);
  }

  @Test
  void readsTheRealSunspotsFile() throws IOException {
    TimeSeries s = SeriesCsv.read(Sunspots.csv(dir.resolve("cache")), "Month", List.of("Sunspots"));
    assertThat(s.rows()).isEqualTo(2820);
    assertThat(s.times().get(0)).isEqualTo("1749-01");
    assertThat(s.times().get(2819)).isEqualTo("1983-12");
    assertThat(s.values()[0][0]).isEqualTo(58.0);
    assertThat(s.values()[2819][0]).isEqualTo(33.4);
  }

  @Test
  void everyBadFileIsNamedWithLineAndColumn() throws IOException {
    assertThatThrownBy(() -> SeriesCsv.read(dir.resolve("none.csv"), "", List.of()))
        .isInstanceOf(SeriesException.class).hasMessageContaining("none.csv: no such file");
    assertThatThrownBy(() -> SeriesCsv.read(write("empty.csv", ""), "", List.of()))
        .hasMessageContaining("empty.csv is empty");
    assertThatThrownBy(() -> SeriesCsv.read(write("blank.csv", "\n  \n"), "", List.of()))
        .hasMessageContaining("blank.csv is empty");
    assertThatThrownBy(() -> SeriesCsv.read(write("header.csv", "t,x\n"), "", List.of()))
        .hasMessageContaining("header.csv has a header but no rows");
    assertThatThrownBy(() -> SeriesCsv.read(write("col.csv", "Month,Sunspots\n1,2\n"), "Month",
        List.of("Sunspot")))
        .hasMessageContaining("col.csv line 1: no column 'Sunspot'")
        .hasMessageContaining("did you mean 'Sunspots'")
        .hasMessageContaining("the header has: Month, Sunspots");
    assertThatThrownBy(() -> SeriesCsv.read(write("time.csv", "Month,x\n1,2\n"), "Date", List.of()))
        .hasMessageContaining("time.csv line 1: no time column 'Date'");
    assertThatThrownBy(() -> SeriesCsv.read(write("nan.csv", "t,x,y\n0,1,2\n1,abc,4\n"), "", List.of()))
        .hasMessageContaining("nan.csv line 3, column 'x': 'abc' is not a number");
    assertThatThrownBy(() -> SeriesCsv.read(write("gap.csv", "t,x,y\n0,1,2\n1,3,\n"), "", List.of()))
        .hasMessageContaining("gap.csv line 3, column 'y': empty cell");
    assertThatThrownBy(() -> SeriesCsv.read(write("inf.csv", "t,x\n0,Infinity\n"), "", List.of()))
        .hasMessageContaining("inf.csv line 2, column 'x': 'Infinity' is not a finite number");
    assertThatThrownBy(() -> SeriesCsv.read(write("short.csv", "t,x,y\n0,1\n"), "", List.of()))
        .hasMessageContaining("short.csv line 2: 2 fields, but the header has 3");
    assertThatThrownBy(() -> SeriesCsv.read(write("quote.csv", "t,x\n\"0,1\n"), "", List.of()))
        .hasMessageContaining("quote.csv line 2: a quote is not closed");
    assertThatThrownBy(() -> SeriesCsv.read(write("dup.csv", "t,x,x\n0,1,2\n"), "", List.of()))
        .hasMessageContaining("dup.csv line 1: column 'x' appears twice");
    assertThatThrownBy(() -> SeriesCsv.read(write("both.csv", "t,x\n0,1\n"), "t", List.of("t")))
        .hasMessageContaining("'t' is the time column");
    Path binary = dir.resolve("binary.csv");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    assertThatThrownBy(() -> SeriesCsv.read(binary, "", List.of()))
        .hasMessageContaining("binary.csv is not UTF-8 text");
    assertThatThrownBy(() -> SeriesCsv.read(dir, "", List.of()))
        .hasMessageContaining("is a folder");
  }
}
