package dev.seq2seq.task.translation.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelCorpusTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }

  private Path gzip(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return p;
  }

  private static List<SentencePair> all(ParallelCorpus c) {
    List<SentencePair> out = new ArrayList<>();
    for (SentencePair p : c.pairs()) {
      out.add(p);
    }
    return out;
  }

  @Test
  void readsAlignedPlainAndGzipFilesAndTsv() throws IOException {
    Path de = gzip("a.de.gz", "\uFEFFEin Hund.\r\nZwei Männer.\n");
    Path en = write("a.en", "A dog.\nTwo men.");
    assertThat(all(ParallelCorpus.lines(de, en))).containsExactly(
        new SentencePair(1, "Ein Hund.", "A dog."), new SentencePair(2, "Zwei Männer.", "Two men."));
    assertThat(all(ParallelCorpus.lines(de, en).limit(1))).hasSize(1);
    Path tsv = write("a.tsv", "Ein Hund.\tA dog.\n");
    assertThat(all(ParallelCorpus.tsv(tsv))).containsExactly(new SentencePair(1, "Ein Hund.", "A dog."));
    assertThat(ParallelCorpus.lines(de, en).targets()).containsExactly("A dog.", "Two men.");
  }

  @Test
  void dropsEmptyAndOverlongPairsAndCountsThem() throws IOException {
    Path src = write("s", "a b\n\nc d e f\ng\n  \nh i\n");
    Path tgt = write("t", "x\ny\nz\n\nw\nv v v v\n");
    List<Long> keptLines = new ArrayList<>();
    CorpusReport r = ParallelCorpus.lines(src, tgt).read(
        PairFilter.maxTokens(3, s -> s.split(" ").length, s -> s.split(" ").length), p -> keptLines.add(p.line()));
    assertThat(r).isEqualTo(new CorpusReport(6, 1, 3, 2, 3));
    assertThat(keptLines).containsExactly(1L);
    assertThat(r.toString()).isEqualTo("read 6 pairs, kept 1; dropped 3 with an empty side and 2 longer than 3 tokens");
  }

  @Test
  void sidesOfDifferentLengthNameBothFilesAndCounts() throws IOException {
    Path src = write("train.de", "a\nb\nc\n");
    Path tgt = gzip("train.en.gz", "x\ny\n");
    assertThatThrownBy(() -> ParallelCorpus.lines(src, tgt).read(PairFilter.emptyOnly(), p -> {}))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("train.de has 3 lines but ")
        .hasMessageContaining("train.en.gz has 2");
    // Reading only a prefix never reaches the mismatch.
    assertThat(ParallelCorpus.lines(src, tgt).limit(2).read(PairFilter.emptyOnly(), p -> {}).kept()).isEqualTo(2);
  }

  @Test
  void undecodableBytesNameFileAndLine() throws IOException {
    Path src = write("s", "ok\nalso ok\n");
    Path tgt = Files.write(dir.resolve("latin1.en"), "fine\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ParallelCorpus.lines(src, tgt).read(PairFilter.emptyOnly(), p -> {}))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("latin1.en:2: bytes that are not valid UTF-8 at byte 3 of the line (0xe9)");
    // With the right encoding the same file reads.
    assertThat(all(ParallelCorpus.lines(tgt, tgt).withCharset(StandardCharsets.ISO_8859_1)).get(1).source()).isEqualTo("café");
    assertThatThrownBy(() -> ParallelCorpus.lines(src, tgt).withCharset(StandardCharsets.UTF_16).read(PairFilter.emptyOnly(), p -> {}))
        .hasMessageContaining("not ASCII-compatible");
  }

  @Test
  void missingFilesAndMalformedTsvAreClear() throws IOException {
    Path src = write("s", "a\n");
    assertThatThrownBy(() -> ParallelCorpus.lines(src, dir.resolve("nope.en")).read(PairFilter.emptyOnly(), p -> {}))
        .isInstanceOf(CorpusException.class).hasMessageContaining("nope.en: no such file");
    Path tsv = write("b.tsv", "a\tb\nno tab here\n");
    assertThatThrownBy(() -> ParallelCorpus.tsv(tsv).read(PairFilter.emptyOnly(), p -> {}))
        .hasMessageContaining("b.tsv:2: expected source<TAB>target (exactly one tab), found none");
  }
}
