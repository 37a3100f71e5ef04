package dev.seq2seq.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatalogueTest {
  private static final String SUM = "0".repeat(64);

  @Test
  void bundledCatalogueHasTheFiveDatasets() {
    Catalogue c = Catalogue.bundled();
    assertThat(c.names()).containsExactly("multi30k", "fsdd", "rt-polarity", "tinyshakespeare", "sunspots");
    Dataset multi30k = c.get("multi30k");
    assertThat(multi30k.files()).hasSize(9);
    assertThat(((Download.Files) multi30k.download()).uri(multi30k.source(), multi30k.files().get(0)).toString())
        .isEqualTo("https://raw.githubusercontent.com/multi30k/dataset/a3d2e0d26b56f3846f66a952536ffed4e401d05a"
            + "/data/task1/raw/train.de.gz");
    Dataset fsdd = c.get("fsdd");
    assertThat(fsdd.manifest()).hasValueSatisfying(m -> assertThat(m.files()).isEqualTo(2500));
    Download.Archive archive = (Download.Archive) fsdd.download();
    assertThat(archive.uri(fsdd.source()).toString()).endsWith("/archive/26eb9aaf76e81b692f806f9140c2d2777410d7a1.tar.gz");
    assertThat(archive.strip(fsdd.source())).isEqualTo("free-spoken-digit-dataset-26eb9aaf76e81b692f806f9140c2d2777410d7a1/");
    assertThat(c.get("tinyshakespeare").size()).isEqualTo(1_115_394);
    for (Dataset d : c.datasets()) {
      assertThat(d.licence()).as(d.name()).isNotBlank();
      assertThat(d.source().commit()).as(d.name()).matches("[0-9a-f]{40}");
    }
  }

  @Test
  void unknownNameSuggestsTheClosest() {
    assertThatThrownBy(() -> Catalogue.bundled().get("multi30"))
        .isInstanceOf(UnknownDatasetException.class)
        .hasMessageContaining("unknown dataset 'multi30'")
        .hasMessageContaining("did you mean 'multi30k'?")
        .hasMessageContaining("known datasets: multi30k, fsdd, rt-polarity, tinyshakespeare, sunspots");
  }

  @Test
  void badEntriesAreNamedWithTheirProblem() {
    assertBad("{", "test: not valid JSON");
    assertBad("{\"format\": 2, \"datasets\": []}", "'format' must be 1");
    assertBad(catalogue("a", "{\"path\": \"x\", \"size\": 1, \"sha256\": \"abc\"}", url("{path}")),
        "dataset 'a' file 'x': 'sha256' must be 64 lower-case hex digits, got 'abc'");
    assertBad(catalogue("a", file("../x"), url("{path}")),
        "dataset 'a': '../x' must be a relative path inside the dataset folder");
    assertBad(catalogue("a", "{\"path\": \"x\", \"size\": -1, \"sha256\": \"" + SUM + "\"}", url("{path}")),
        "'size' must be a byte count >= 0");
    assertBad(catalogue("a", file("x"), url("{file}")), "unknown placeholder {file}");
    assertBad(catalogue("Bad Name", file("x"), url("{path}")), "dataset name 'Bad Name' must be lower-case");
    assertBad(catalogue("a", file("x") + "," + file("x"), url("{path}")), "file 'x' is listed twice");
    assertBad(catalogue("a", file("x"), "{}"), "dataset 'a': 'download' needs a 'url' template or an 'archive'");
    String twice = "{\"format\": 1, \"datasets\": [" + dataset("a", file("x"), url("{path}")) + ","
        + dataset("a", file("x"), url("{path}")) + "]}";
    assertBad(twice, "dataset 'a' is listed twice");
  }

  private static void assertBad(String json, String message) {
    assertThatThrownBy(() -> Catalogue.parse(json, "test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  static String file(String path) {
    return "{\"path\": \"" + path + "\", \"size\": 1, \"sha256\": \"" + SUM + "\"}";
  }

  static String url(String tail) {
    return "{\"url\": \"http://example.invalid/{commit}/" + tail + "\"}";
  }

  static String catalogue(String name, String files, String download) {
    return "{\"format\": 1, \"datasets\": [" + dataset(name, files, download) + "]}";
  }

  static String dataset(String name, String files, String download) {
    return "{\"name\": \"" + name + "\", \"description\": \"d\", \"licence\": \"l\","
        + " \"source\": {\"repository\": \"r\", \"commit\": \"c0ffee\"},"
        + " \"download\": " + download + ", \"files\": [" + files + "]}";
  }
}
