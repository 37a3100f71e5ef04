package dev.seq2seq.task.speech.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.bench.BenchmarkOptions;
import dev.seq2seq.bench.Measurement;
import dev.seq2seq.plugin.Plugins;
import dev.seq2seq.task.speech.Cli;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's protocol on a small FSDD folder: the peer's fields, sensible values. */
class AsrSmallBenchmarkTest {
  @TempDir Path dir;

  @Test
  void reportsThePeersFields() throws Exception {
    // 10 training files (one batch, one step) and 10 test files.
    Path folder = Cli.fsddSubset(dir.resolve("cache"), dir.resolve("fsdd"), "lucas", 0, 30);
    Map<String, BackendProvider> backends = Plugins.discover(getClass().getClassLoader()).injector()
        .getInstance(Key.get(new TypeLiteral<Map<String, BackendProvider>>() {}));
    AsrSmallBenchmark bench = new AsrSmallBenchmark(backends, () -> folder);
    List<Measurement> rows = bench.run(new BenchmarkOptions("native", 1, true));
    assertThat(rows).extracting(Measurement::name)
        .containsExactly("train_audio_s_per_s", "transcribe_rtf", "test_accuracy");
    assertThat(rows.get(0).value()).isPositive();
    assertThat(rows.get(0).note()).contains("1 steps").contains("2.28M params");
    assertThat(rows.get(1).value()).isPositive();
    assertThat(rows.get(1).note()).contains("10 test files");
    assertThat(rows.get(2).value()).isBetween(0.0, 1.0);
    assertThatThrownBy(() -> bench.run(new BenchmarkOptions("nope", 1, true)))
        .hasMessageContaining("unknown backend 'nope'");
  }
}
