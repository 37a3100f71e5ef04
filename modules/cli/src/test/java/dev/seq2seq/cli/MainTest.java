package dev.seq2seq.cli;

import dev.seq2seq.command.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the real command line in-process, with the native backend plugin on the class path. */
class MainTest {

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void versionAndHelp() {
    Result version = run("--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("seq2seq ");

    Result help = run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("plugins", "doctor", "Exit codes");
  }

  @Test
  void unknownSubcommandIsBadUsage() {
    Result r = run("trian");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("trian");
  }

  @Test
  void pluginsListsTheNativeBackend() {
    Result r = run("plugins");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("backend-native", "backend:", "native");

    Result json = run("plugins", "--json");
    JsonNode node = JsonMapper.builder().build().readTree(json.out());
    assertThat(node.path("registries").path("backend").path("native").asString())
        .isEqualTo("backend-native");
  }

  @Test
  void benchListsTheNativeKernelsAndRejectsUnknownNames() {
    Result list = run("bench", "--list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("gemm", "rnn");

    Result unknown = run("bench", "gemn");
    assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("unknown benchmark 'gemn'", "did you mean 'gemm'?");
  }

  @Test
  void doctorRejectsUnknownBackendWithSuggestion() {
    Result r = run("doctor", "--backend", "natve");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("unknown backend 'natve'", "did you mean 'native'?");
  }

  @Test
  void doctorRejectsBadDevice() {
    Result r = run("doctor", "--device", "tpu");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--device must be cpu, gpu or auto");
  }

  @Test
  void doctorJsonReportsEveryCheck() {
    Result r = run("doctor", "--json", "--threads", "2");
    JsonNode node = JsonMapper.builder().build().readTree(r.out());
    assertThat(node.path("backend").path("name").asString()).isEqualTo("native");
    assertThat(node.path("checks").size()).isGreaterThan(20);
    for (JsonNode check : node.path("checks")) {
      assertThat(check.has("name") && check.has("passed") && check.has("max_error")).isTrue();
    }
    assertThat(node.path("passed").asBoolean()).as(r.out()).isTrue();
    assertThat(r.code()).isZero();
  }

  @Test
  void doctorRejectsUnknownCompareBackend() {
    Result r = run("doctor", "--compare", "natve");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("unknown backend 'natve' for --compare", "did you mean 'native'?");
  }

  @Test
  void doctorComparesWithAnotherBackendThroughTheRegistry() {
    // Only the native backend is on this module's class path: compared with itself, every
    // parity entry must appear and agree exactly.
    Result r = run("doctor", "--json", "--threads", "1", "--compare", "native");
    JsonNode node = JsonMapper.builder().build().readTree(r.out());
    int parity = 0;
    for (JsonNode check : node.path("checks")) {
      if (check.path("name").asString().startsWith("parity/")) {
        parity++;
        assertThat(check.path("passed").asBoolean()).as(check.toString()).isTrue();
      }
    }
    assertThat(parity).isGreaterThan(60);
    assertThat(r.code()).isZero();
  }
}
