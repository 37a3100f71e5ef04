package dev.seq2seq.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local HTTP server: verified files, extracted archives, and what must be refused. */
class DatasetDownloadTest {
  static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  static final String PREFIX = "repo-" + COMMIT + "/";
  static final String LONG = "recordings/" + "x".repeat(120) + ".wav";

  @TempDir Path tmp;
  TestData.Server server;
  final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws IOException {
    server = new TestData.Server();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Path cache() {
    return tmp.resolve("cache");
  }

  DatasetResolver resolver(String catalogueJson) {
    return new DatasetResolver(Catalogue.parse(catalogueJson, "test catalogue"),
        new DataEnvironment(Optional.empty(), cache(), false), Transport.http(), TestData.quiet(progress));
  }

  String filesCatalogue(String name, byte[] a, byte[] b) {
    return "{\"format\": 1, \"datasets\": [{\"name\": \"" + name + "\", \"description\": \"d\", \"licence\": \"l\","
        + " \"source\": {\"repository\": \"r\", \"commit\": \"" + COMMIT + "\"},"
        + " \"download\": {\"url\": \"" + server.base() + "/{commit}/{path}\"}, \"files\": ["
        + "{\"path\": \"a.txt\", \"size\": " + a.length + ", \"sha256\": \"" + TestData.sha256(a) + "\"},"
        + "{\"path\": \"sub/b.txt\", \"size\": " + b.length + ", \"sha256\": \"" + TestData.sha256(b) + "\"}]}]}";
  }

  String archiveCatalogue(List<String> paths, List<String> contents) throws IOException {
    StringBuilder listing = new StringBuilder();
    long size = 0;
    for (int i = 0; i < paths.size(); i++) {
      byte[] c = contents.get(i).getBytes(StandardCharsets.UTF_8);
      listing.append(TestData.sha256(c)).append("  ").append(paths.get(i)).append('\n');
      size += c.length;
    }
    return "{\"format\": 1, \"datasets\": [{\"name\": \"digits\", \"description\": \"d\", \"licence\": \"l\","
        + " \"source\": {\"repository\": \"r\", \"commit\": \"" + COMMIT + "\"},"
        + " \"download\": {\"archive\": \"" + server.base() + "/archive/{commit}.tar.gz\","
        + " \"strip\": \"repo-{commit}/\", \"include\": \"recordings/*.wav\"},"
        + " \"manifest\": {\"folder\": \"recordings\", \"files\": " + paths.size() + ", \"size\": " + size
        + ", \"sha256\": \"" + Checksums.ofText(listing.toString()) + "\"}}]}";
  }

  @Test
  void downloadsVerifiesAndReusesFiles() throws IOException {
    byte[] a = "alpha\n".getBytes(StandardCharsets.UTF_8);
    byte[] b = "beta\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    server.files.put("/" + COMMIT + "/a.txt", a);
    server.files.put("/" + COMMIT + "/sub/b.txt", b);
    DatasetResolver r = resolver(filesCatalogue("tiny", a, b));

    DatasetResolver.Resolution first = r.resolve("tiny");
    assertThat(first.location()).isEqualTo(DatasetResolver.Location.DOWNLOADED);
    assertThat(first.folder()).isEqualTo(cache().resolve("tiny"));
    assertThat(Files.readAllBytes(first.folder().resolve("sub/b.txt"))).isEqualTo(b);
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("downloading dataset 'tiny' from " + server.base());
    assertThat(cache().resolve(".tmp")).doesNotExist();

    DatasetResolver.Resolution second = r.resolve("tiny");
    assertThat(second.location()).isEqualTo(DatasetResolver.Location.CACHE);
    assertThat(second.hashed()).isFalse();
    assertThat(server.hits).containsEntry("/" + COMMIT + "/a.txt", 1);

    // A file lost from the cache is fetched again on its own.
    Files.delete(first.folder().resolve("a.txt"));
    assertThat(r.resolve("tiny").location()).isEqualTo(DatasetResolver.Location.DOWNLOADED);
    assertThat(server.hits).containsEntry("/" + COMMIT + "/a.txt", 2).containsEntry("/" + COMMIT + "/sub/b.txt", 1);
  }

  @Test
  void corruptDownloadIsRejectedAndNothingIsKept() throws IOException {
    byte[] a = "alpha\n".getBytes(StandardCharsets.UTF_8);
    byte[] b = "beta\n".getBytes(StandardCharsets.UTF_8);
    server.files.put("/" + COMMIT + "/a.txt", "alpha!".getBytes(StandardCharsets.UTF_8)); // same size, wrong bytes
    server.files.put("/" + COMMIT + "/sub/b.txt", b);
    assertThatThrownBy(() -> resolver(filesCatalogue("tiny", a, b)).resolve("tiny"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("the download of " + server.base() + "/" + COMMIT + "/a.txt is corrupt")
        .hasMessageContaining("a.txt expected 6 bytes with sha256 " + TestData.sha256(a))
        .hasMessageContaining("nothing was kept in the cache");
    assertThat(TestData.filesUnder(cache())).isEmpty();
  }

  @Test
  void missingFileOnTheServerNamesTheUrl() {
    byte[] a = "alpha\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> resolver(filesCatalogue("tiny", a, a)).resolve("tiny"))
        .hasMessageContaining("cannot download " + server.base() + "/" + COMMIT + "/a.txt")
        .hasMessageContaining("HTTP status 404");
  }

  @Test
  void extractsTheIncludedFilesOfAnArchive() throws IOException {
    List<String> paths = new ArrayList<>(List.of("recordings/0_a_0.wav", "recordings/1_b_3.wav", LONG));
    List<String> contents = List.of("zero", "one".repeat(300), "long name");
    List<TestData.Entry> entries = new ArrayList<>();
    entries.add(new TestData.Entry(PREFIX, '5', new byte[0]));
    entries.add(TestData.Entry.file(PREFIX + "README.md", "not included"));
    entries.add(TestData.Entry.file(PREFIX + "recordings/notes.txt", "not included either"));
    entries.add(new TestData.Entry(PREFIX + "recordings/link.wav", '2', new byte[0]));
    for (int i = 0; i < paths.size(); i++) {
      entries.add(TestData.Entry.file(PREFIX + paths.get(i), contents.get(i)));
    }
    server.files.put("/archive/" + COMMIT + ".tar.gz", TestData.tarGz(entries));
    paths.sort(null);
    DatasetResolver r = resolver(archiveCatalogue(paths, contents(paths, List.of("recordings/0_a_0.wav", "recordings/1_b_3.wav", LONG), contents)));

    DatasetResolver.Resolution res = r.resolve("digits");
    assertThat(res.location()).isEqualTo(DatasetResolver.Location.DOWNLOADED);
    assertThat(TestData.filesUnder(res.folder())).hasSize(3);
    assertThat(Files.readString(res.folder().resolve(LONG))).isEqualTo("long name");
    assertThat(res.folder().resolve("README.md")).doesNotExist();
    assertThat(r.verify("digits")).isEmpty();
    assertThat(r.resolve("digits").location()).isEqualTo(DatasetResolver.Location.CACHE);
  }

  @Test
  void archiveWithADifferentFileIsRejected() throws IOException {
    server.files.put("/archive/" + COMMIT + ".tar.gz",
        TestData.tarGz(List.of(TestData.Entry.file(PREFIX + "recordings/0_a_0.wav", "changed"))));
    assertThatThrownBy(() -> resolver(archiveCatalogue(List.of("recordings/0_a_0.wav"), List.of("zero"))).resolve("digits"))
        .hasMessageContaining("do not match the catalogue")
        .hasMessageContaining("recordings/: expected 1 files of 4 bytes in all, actual 1 files of 7 bytes");
    assertThat(TestData.filesUnder(cache())).isEmpty();
  }

  @Test
  void pathTraversalInAnArchiveIsRejected() throws IOException {
    for (String evil : List.of(PREFIX + "recordings/../../../evil.wav", "/evil.wav")) {
      server.files.put("/archive/" + COMMIT + ".tar.gz", TestData.tarGz(List.of(
          TestData.Entry.file(PREFIX + "recordings/0_a_0.wav", "zero"), TestData.Entry.file(evil, "x"))));
      assertThatThrownBy(() -> resolver(archiveCatalogue(List.of("recordings/0_a_0.wav"), List.of("zero"))).resolve("digits"))
          .isInstanceOf(DatasetException.class)
          .hasMessageContaining("archive entry '" + evil + "' points outside the extraction folder");
      assertThat(TestData.filesUnder(tmp)).isEmpty();
    }
  }

  private static List<String> contents(List<String> sortedPaths, List<String> paths, List<String> contents) {
    return sortedPaths.stream().map(p -> contents.get(paths.indexOf(p))).toList();
  }
}
