package dev.seq2seq.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mirror and cache checks on a temporary copy of the smallest real dataset (sunspots, 45 kB). */
class DatasetResolverTest {
  @TempDir Path tmp;
  Path mirror;
  Path cache;
  Path csv;
  final Transport offline = uri -> { throw new ConnectException("Connection refused"); };

  @BeforeEach
  void copySunspots() throws IOException {
    mirror = tmp.resolve("mirror");
    cache = tmp.resolve("cache");
    csv = mirror.resolve("sunspots/monthly-sunspots.csv");
    Files.createDirectories(csv.getParent());
    Files.copy(TestData.mirror().resolve("sunspots/monthly-sunspots.csv"), csv);
  }

  DatasetResolver resolver(Optional<Path> mirrorFolder, boolean offlineMode) {
    return new DatasetResolver(Catalogue.bundled(), new DataEnvironment(mirrorFolder, cache, offlineMode), offline,
        TestData.quiet(new ByteArrayOutputStream()));
  }

  @Test
  void sameSizeEditIsCaughtByTheChecksumAndNamesTheFile() throws IOException {
    byte[] bytes = Files.readAllBytes(csv);
    bytes[bytes.length - 2] ^= 1; // one digit changes, the size does not
    Files.write(csv, bytes);
    String actual = TestData.sha256(bytes);
    assertThatThrownBy(() -> resolver(Optional.of(mirror), false).resolve("sunspots"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("dataset 'sunspots'")
        .hasMessageContaining("monthly-sunspots.csv: sha256 expected "
            + "c4ec8cc57d9f6fb6ecdb3e1f37f25b6f4badd5124c55931052b0cd2fc3bc71f3, actual " + actual);
    assertThat(resolver(Optional.of(mirror), false).verify("sunspots"))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.path()).isEqualTo("monthly-sunspots.csv");
          assertThat(p.kind()).isEqualTo(Problem.Kind.CHECKSUM);
        });
  }

  @Test
  void truncatedFileIsCaughtBySizeOnEveryUse() throws IOException {
    Files.write(csv, "\"Month\",\"Sunspots\"\n".getBytes());
    assertThatThrownBy(() -> resolver(Optional.of(mirror), false).resolve("sunspots"))
        .hasMessageContaining("monthly-sunspots.csv: size expected 45039 bytes, actual 19")
        .hasMessageContaining("SEQ2SEQ_DATA");
  }

  @Test
  void markerSkipsTheSumsUntilAFileChanges() throws IOException {
    DatasetResolver r = resolver(Optional.of(mirror), false);
    assertThat(r.resolve("sunspots").hashed()).isTrue();
    assertThat(r.resolve("sunspots").hashed()).isFalse();

    byte[] bytes = Files.readAllBytes(csv);
    bytes[bytes.length - 2] ^= 1;
    Files.write(csv, bytes);
    Files.setLastModifiedTime(csv, FileTime.fromMillis(Files.getLastModifiedTime(csv).toMillis() + 5_000));
    assertThatThrownBy(() -> r.resolve("sunspots")).hasMessageContaining("sha256 expected");
  }

  @Test
  void cacheIsUsedWhenTheMirrorLacksTheDataset() throws IOException {
    Path cached = cache.resolve("sunspots/monthly-sunspots.csv");
    Files.createDirectories(cached.getParent());
    Files.copy(csv, cached);
    DatasetResolver.Resolution r = resolver(Optional.of(tmp.resolve("empty-mirror")), false).resolve("sunspots");
    assertThat(r.location()).isEqualTo(DatasetResolver.Location.CACHE);
    assertThat(r.folder()).isEqualTo(cache.resolve("sunspots"));
    assertThat(resolver(Optional.empty(), true).status("sunspots").location()).contains(DatasetResolver.Location.CACHE);
  }

  @Test
  void unreachableHostSaysWhichUrlFailedAndHowToProvideTheData() {
    assertThatThrownBy(() -> resolver(Optional.of(mirror), false).resolve("tinyshakespeare"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("dataset 'tinyshakespeare': cannot download https://raw.githubusercontent.com/karpathy/"
            + "char-rnn/6f9487a6fe5b420b7ca9afb0d7c078e37c1d1b4e/data/tinyshakespeare/input.txt")
        .hasMessageContaining("Connection refused")
        .hasMessageContaining("set SEQ2SEQ_DATA to a folder containing tinyshakespeare/ with input.txt")
        .hasMessageContaining("cache folder " + cache.resolve("tinyshakespeare"));
    assertThat(cache.resolve("tinyshakespeare")).doesNotExist();
  }

  @Test
  void offlineModeNeverDownloads() {
    assertThat(resolver(Optional.empty(), true).status("fsdd").location()).isEmpty();
    assertThatThrownBy(() -> resolver(Optional.empty(), true).resolve("fsdd"))
        .hasMessageContaining("dataset 'fsdd' is not available and downloads are off (SEQ2SEQ_OFFLINE is set)")
        .hasMessageContaining("containing fsdd/ with recordings/ (2500 files)")
        .hasMessageContaining("allow downloads from https://github.com/Jakobovski/free-spoken-digit-dataset/archive/"
            + "26eb9aaf76e81b692f806f9140c2d2777410d7a1.tar.gz");
    assertThatThrownBy(() -> resolver(Optional.empty(), true).resolve("sunspots"))
        .hasMessageContaining("allow downloads from https://raw.githubusercontent.com/jbrownlee/Datasets/"
            + "d20fcb6402ae34e653d4513b00f39257bb37ed7f/<file>");
    assertThatThrownBy(() -> resolver(Optional.empty(), true).verify("fsdd"))
        .hasMessageContaining("dataset 'fsdd' has no local copy to verify");
  }

  @Test
  void unknownNameIsReportedWithASuggestion() {
    assertThatThrownBy(() -> resolver(Optional.of(mirror), true).resolve("sunspot"))
        .isInstanceOf(UnknownDatasetException.class)
        .hasMessageContaining("did you mean 'sunspots'?");
  }
}
