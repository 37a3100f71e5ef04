package dev.seq2seq.cli;

import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.UsageException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.data.Catalogue;
import dev.seq2seq.data.DataEnvironment;
import dev.seq2seq.data.DatasetResolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 'seq2seq data' over a temporary mirror holding a copy of the real sunspots file. */
class DataCommandTest {
  @TempDir Path tmp;
  Path mirror;
  Path csv;

  @BeforeEach
  void copySunspots() throws IOException {
    mirror = tmp.resolve("mirror");
    csv = mirror.resolve("sunspots/monthly-sunspots.csv");
    Files.createDirectories(csv.getParent());
    Files.copy(realMirror().resolve("sunspots/monthly-sunspots.csv"), csv);
  }

  static Path realMirror() {
    String env = System.getenv("SEQ2SEQ_DATA");
    if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
      return Path.of(env);
    }
    String root = System.getProperty("seq2seq.project.root");
    if (root != null && Files.isDirectory(Path.of(root, "..", "shared", "data"))) {
      return Path.of(root, "..", "shared", "data");
    }
    throw new AssertionError("no dataset mirror: set SEQ2SEQ_DATA, or run with Maven from a checkout that has"
        + " ../shared/data beside it (seq2seq.project.root=" + root + ")");
  }

  /** Runs 'seq2seq data ...' with its own environment and Main's mapping of usage errors to exit 2. */
  MainTest.Result data(String... args) {
    PrintStream progress = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    DataCommand command = new DataCommand(() -> new DatasetResolver(Catalogue.bundled(),
        new DataEnvironment(Optional.of(mirror), tmp.resolve("cache"), false),
        uri -> { throw new ConnectException("Connection refused"); }, progress));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler((e, line, parse) -> {
      if (e instanceof UsageException) {
        line.getErr().println("seq2seq " + line.getCommandName() + ": " + e.getMessage());
        return ExitCode.USAGE;
      }
      throw e;
    });
    int code = cli.execute(args);
    return new MainTest.Result(code, out.toString(), err.toString());
  }

  @Test
  void listSaysWhereEachDatasetIs() {
    MainTest.Result r = data("list");
    assertThat(r.code()).isZero();
    assertThat(r.out()).containsPattern("sunspots +45 kB +1  mirror +" + java.util.regex.Pattern.quote(mirror.resolve("sunspots").toString()));
    assertThat(r.out()).containsPattern("multi30k +1\\.9 MB +9  not available");

    JsonNode json = JsonMapper.builder().build().readTree(data("list", "--json").out());
    assertThat(json.path("datasets").size()).isEqualTo(5);
    assertThat(json.path("datasets").get(4).path("where").asString()).isEqualTo("mirror");
    assertThat(json.path("datasets").get(1).path("files").asInt()).isEqualTo(2500);
  }

  @Test
  void pathPrintsTheFolderOrSaysHowToProvideTheData() {
    MainTest.Result ok = data("path", "sunspots");
    assertThat(ok.code()).isZero();
    assertThat(ok.out().trim()).isEqualTo(mirror.resolve("sunspots").toString());

    MainTest.Result offline = data("path", "rt-polarity");
    assertThat(offline.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(offline.err()).contains("cannot download https://raw.githubusercontent.com/yoonkim/CNN_sentence/",
        "set SEQ2SEQ_DATA to a folder containing rt-polarity/ with rt-polarity.pos, rt-polarity.neg");
  }

  @Test
  void verifyNamesTheChangedFileAndFails() throws IOException {
    MainTest.Result ok = data("verify");
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).contains("sunspots: OK (1 files");

    byte[] bytes = Files.readAllBytes(csv);
    bytes[100] ^= 1;
    Files.write(csv, bytes);
    MainTest.Result bad = data("verify", "sunspots");
    assertThat(bad.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(bad.out()).contains("sunspots: FAILED",
        "monthly-sunspots.csv: sha256 expected c4ec8cc57d9f6fb6ecdb3e1f37f25b6f4badd5124c55931052b0cd2fc3bc71f3, actual ");

    MainTest.Result absent = data("verify", "fsdd");
    assertThat(absent.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(absent.err()).contains("dataset 'fsdd' has no local copy to verify");
  }

  @Test
  void unknownNamesAreBadUsageWithASuggestion() {
    MainTest.Result r = MainTest.run("data", "path", "tinyshakespear");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("unknown dataset 'tinyshakespear'", "did you mean 'tinyshakespeare'?");
    assertThat(data("verify", "sunspots", "fdsd").err()).contains("did you mean 'fsdd'?");

    MainTest.Result list = MainTest.run("data", "list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("multi30k", "fsdd", "rt-polarity", "tinyshakespeare", "sunspots");
    assertThat(MainTest.run("data").code()).isEqualTo(ExitCode.USAGE);
  }
}
