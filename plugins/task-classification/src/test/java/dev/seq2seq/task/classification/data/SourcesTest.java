package dev.seq2seq.task.classification.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.task.classification.RtPolarity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {
  @TempDir Path dir;

  private FilesSourceConfig rtPolarity() {
    Path folder = RtPolarity.folder(dir.resolve("cache"));
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("positive", folder.resolve("rt-polarity.pos"));
    files.put("negative", folder.resolve("rt-polarity.neg"));
    return new FilesSourceConfig(files);
  }

  @Test
  void rtPolarityReadsAsLatin1() {
    SourceConfig.Labeled read = rtPolarity().read(StandardCharsets.ISO_8859_1);
    assertThat(read.labels()).containsExactly("positive", "negative");
    assertThat(read.sentences()).hasSize(10_662);
    assertThat(read.sentences().stream().filter(s -> s.label().equals("positive")))
        .hasSize(5_331);
    // Line 44 of the positive file holds 0xf3, which is 'ó' in Latin-1.
    LabeledSentence line44 = read.sentences().get(43);
    assertThat(line44.text()).contains("el ladrón de");
    assertThat(line44.origin()).endsWith("rt-polarity.pos:44");
  }

  @Test
  void rtPolarityAsUtf8FailsAtTheFirstLatin1Byte() {
    assertThatThrownBy(() -> rtPolarity().read(StandardCharsets.UTF_8))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("rt-polarity.pos:44: bytes that are not valid UTF-8 at byte 47")
        .hasMessageContaining("0xf3")
        .hasMessageContaining("ISO-8859-1");
  }

  @Test
  void tsvLinesSplitAtTheFirstTab() throws IOException {
    Path tsv = dir.resolve("data.tsv");
    Files.writeString(tsv, "pos\tgood\tfun\r\n\nneg\tbad\npos\tnice\n");
    SourceConfig.Labeled read = new TsvSourceConfig(tsv).read(StandardCharsets.UTF_8);
    assertThat(read.labels()).containsExactly("pos", "neg");
    assertThat(read.sentences()).extracting(LabeledSentence::text)
        .containsExactly("good\tfun", "bad", "nice");
    assertThat(read.sentences().get(1).origin()).isEqualTo(tsv + ":3");
  }

  @Test
  void badFilesAreNamed() throws IOException {
    Path tsv = dir.resolve("bad.tsv");
    Files.writeString(tsv, "pos\tgood\nno tab here\n");
    assertThatThrownBy(() -> new TsvSourceConfig(tsv).read(StandardCharsets.UTF_8))
        .hasMessage(tsv + ":2: no tab; expected label<TAB>text");
    Path one = dir.resolve("one.tsv");
    Files.writeString(one, "pos\tgood\npos\tfine\n");
    assertThatThrownBy(() -> new TsvSourceConfig(one).read(StandardCharsets.UTF_8))
        .hasMessageContaining(one + ": only one label");
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "");
    Path some = dir.resolve("some.txt");
    Files.writeString(some, "fine\n");
    assertThatThrownBy(() -> new FilesSourceConfig(Map.of("a", some, "b", empty))
        .read(StandardCharsets.UTF_8))
        .hasMessage(empty + ": empty file (label 'b' needs sentences)");
    Path missing = dir.resolve("missing.txt");
    assertThatThrownBy(() -> new FilesSourceConfig(Map.of("a", some, "b", missing))
        .read(StandardCharsets.UTF_8))
        .hasMessage(missing + ": no such file");
    assertThatThrownBy(() -> new TsvSourceConfig(dir).read(StandardCharsets.UTF_8))
        .hasMessage(dir + " is a folder, not a text file");
  }
}
