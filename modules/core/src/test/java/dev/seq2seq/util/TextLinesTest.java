package dev.seq2seq.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLinesTest {
  /** The caller's own exception type, as tasks pass theirs. */
  static final class Problem extends RuntimeException {
    Problem(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @TempDir Path dir;

  private static TextLines of(byte[] bytes) {
    return TextLines.of("input", new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, Problem::new);
  }

  private static List<String> all(TextLines lines) {
    List<String> out = new ArrayList<>();
    for (String s = lines.next(); s != null; s = lines.next()) {
      out.add(s);
    }
    return out;
  }

  @Test
  void linesKeepTheirNumbersAndLoseTheirBreaksAndByteOrderMark() {
    TextLines lines = of("\uFEFFone\r\n\ntwo".getBytes(StandardCharsets.UTF_8));
    assertThat(all(lines)).containsExactly("one", "", "two");
    assertThat(lines.lineNumber()).isEqualTo(3);
    assertThat(lines.next()).isNull();
    assertThat(all(of(new byte[0]))).isEmpty();
  }

  @Test
  void gzipIsRecognisedByItsMagicBytes() throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(zipped)) {
      z.write("ein Haus\nzwei Häuser\n".getBytes(StandardCharsets.UTF_8));
    }
    Path file = Files.write(dir.resolve("text.gz"), zipped.toByteArray());
    try (TextLines lines = TextLines.open(file, StandardCharsets.UTF_8, Problem::new)) {
      assertThat(all(lines)).containsExactly("ein Haus", "zwei Häuser");
    }
  }

  @Test
  void anUndecodableByteIsReportedAtItsLineAndByte() {
    byte[] bytes = {'o', 'k', '\n', 'a', 'b', (byte) 0xe9, 'c', '\n'};
    TextLines lines = of(bytes);
    assertThat(lines.next()).isEqualTo("ok");
    assertThatThrownBy(lines::next).isInstanceOf(Problem.class)
        .hasMessageStartingWith("input:2: bytes that are not valid UTF-8 at byte 2 of the line (0xe9)")
        .hasMessageContaining("ISO-8859-1");
    TextLines latin = TextLines.of("latin", new ByteArrayInputStream(bytes),
        StandardCharsets.ISO_8859_1, Problem::new);
    assertThat(all(latin)).containsExactly("ok", "abéc");
  }

  @Test
  void skipPassesWholeLinesWithoutDecodingThem() {
    TextLines lines = of(new byte[] {(byte) 0xff, '\n', '\n', 'x', '\n', 'y'});
    assertThat(lines.skip(2)).isEqualTo(2);
    assertThat(lines.next()).isEqualTo("x");
    assertThat(lines.lineNumber()).isEqualTo(3);
    assertThat(lines.skip(5)).isEqualTo(1); // only "y" was left
    assertThat(lines.next()).isNull();
  }

  @Test
  void badInputsAreNamedInTheCallersExceptionType() throws IOException {
    Path missing = dir.resolve("missing.txt");
    assertThatThrownBy(() -> TextLines.open(missing, StandardCharsets.UTF_8, Problem::new))
        .isInstanceOf(Problem.class).hasMessage(missing + ": no such file");
    assertThatThrownBy(() -> TextLines.open(dir, StandardCharsets.UTF_8, Problem::new))
        .isInstanceOf(Problem.class).hasMessage(dir + " is a folder, not a text file");
    assertThatThrownBy(() -> TextLines.of("wide", new ByteArrayInputStream(new byte[0]),
        StandardCharsets.UTF_16, Problem::new))
        .isInstanceOf(Problem.class).hasMessageContaining("wide: encoding UTF-16 is not ASCII-compatible");
  }
}
