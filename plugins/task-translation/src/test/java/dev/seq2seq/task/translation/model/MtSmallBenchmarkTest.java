package dev.seq2seq.task.translation.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.bench.Benchmark;
import dev.seq2seq.bench.BenchmarkOptions;
import dev.seq2seq.bench.Measurement;
import dev.seq2seq.plugin.Plugins;
import dev.seq2seq.task.translation.Multi30k;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A quick mt-small run on the native backend: the whole protocol end to end, in seconds. */
class MtSmallBenchmarkTest {
  @TempDir Path cache;

  @Test
  void isRegisteredAndAQuickRunReportsThePeersFields() {
    Plugins plugins = Plugins.discover(getClass().getClassLoader());
    assertThat(plugins.registry(Benchmark.class)).containsKey("mt-small");
    Map<String, BackendProvider> backends = plugins.registry(BackendProvider.class);
    // The registered instance resolves the mirror through the environment; the test hands it
    // the mirror the other Multi30K tests use.
    Benchmark bench = new MtSmallBenchmark(backends, () -> Multi30k.folder(cache));
    List<Measurement> rows = bench.run(new BenchmarkOptions("native", 2, true));
    assertThat(rows).extracting(Measurement::name)
        .containsExactly("train_tgt_tokens_per_s", "greedy_sent_per_s", "beam5_sent_per_s");
    assertThat(rows).allSatisfy(r -> assertThat(r.value()).isPositive().isFinite());
    assertThat(rows.get(0).note()).contains("8.29M params", "native, 2 threads");
  }
}
