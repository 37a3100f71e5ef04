package dev.seq2seq.nativebackend;

import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.bench.Benchmark;
import dev.seq2seq.bench.BenchmarkOptions;
import dev.seq2seq.bench.Measurement;
import dev.seq2seq.nativebackend.gemm.GemmBenchmark;
import dev.seq2seq.nativebackend.rnn.RecurrentBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The native backend's kernel benchmarks, as {@code seq2seq bench gemm} and {@code bench rnn}. */
final class NativeBenchmarks {
  private NativeBenchmarks() {}

  static int threads(BenchmarkOptions options) {
    return new BackendOptions(BackendOptions.Device.CPU, options.threads()).resolvedThreads();
  }

  /** SGEMM throughput: the plain loop against the Vector API kernel, and the toolkit's shapes. */
  static final class Gemm implements Benchmark {
    @Override
    public String description() {
      return "native SGEMM GFLOP/s: plain loop vs Vector API kernel, square and RNN-shaped";
    }

    @Override
    public List<Measurement> run(BenchmarkOptions options) {
      int threads = threads(options);
      List<Measurement> out = new ArrayList<>();
      for (GemmBenchmark.Result r : GemmBenchmark.run(threads, result -> {})) {
        out.add(
            new Measurement(
                String.format(Locale.ROOT, "sgemm %s %dx%dx%d", r.kernel(), r.m(), r.n(), r.k()),
                r.bestGflops(),
                "GFLOP/s",
                String.format(
                    Locale.ROOT, "best; median %.1f; %d threads", r.medianGflops(), r.threads())));
      }
      return out;
    }
  }

  /** Fused LSTM/GRU layer forward+backward at batch 64, input 256, hidden 256, 30 steps. */
  static final class Recurrent implements Benchmark {
    @Override
    public String description() {
      return "native fused LSTM/GRU layer forward+backward (batch 64, hidden 256, 30 steps)";
    }

    @Override
    public List<Measurement> run(BenchmarkOptions options) {
      RecurrentBenchmark.Options d = RecurrentBenchmark.Options.defaults();
      RecurrentBenchmark.Options o =
          new RecurrentBenchmark.Options(
              d.batch(), d.input(), d.hidden(), d.time(), threads(options),
              options.quick() ? 1 : d.warmup(), options.quick() ? 2 : d.repeats());
      List<Measurement> out = new ArrayList<>();
      for (RecurrentBenchmark.Result r : RecurrentBenchmark.run(o)) {
        String name = r.cell().shortName() + (r.bidirectional() ? " bi" : " uni") + " fwd+bwd";
        String note =
            String.format(
                Locale.ROOT, "best %.2f ms, median %.2f ms per batch; %d threads",
                r.bestMs(), r.medianMs(), o.threads());
        out.add(new Measurement(name, r.sequencesPerSecond(), "sequences/s", note));
      }
      return out;
    }
  }
}
