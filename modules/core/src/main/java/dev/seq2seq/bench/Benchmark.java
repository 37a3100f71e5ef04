package dev.seq2seq.bench;

import dev.seq2seq.plugin.ExtensionPoint;
import java.util.List;

/**
 * A speed measurement that {@code seq2seq bench NAME} runs. Plugins register benchmarks by short
 * name (the native backend registers {@code gemm} and {@code rnn}; tasks register end-to-end
 * ones). Speed targets live here, never in timed unit tests.
 */
@ExtensionPoint("benchmark")
public interface Benchmark {

  /** One line shown by {@code seq2seq plugins} and {@code seq2seq bench --list}. */
  String description();

  /** Runs the benchmark; each measurement is one printed row. */
  List<Measurement> run(BenchmarkOptions options);
}
