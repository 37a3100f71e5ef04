package dev.seq2seq.task.translation.model;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.bench.Benchmark;
import dev.seq2seq.bench.BenchmarkOptions;
import dev.seq2seq.bench.Measurement;
import dev.seq2seq.data.DatasetResolver;
import dev.seq2seq.nn.BeamSearch;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Parameter;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.optim.Adam;
import dev.seq2seq.optim.GradientClipping;
import dev.seq2seq.optim.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import jakarta.inject.Inject;

/**
 * {@code seq2seq bench mt-small}: the BENCHMARKS.md protocol, the same as the PyTorch peer's.
 * Trains {@link MtSmallModel} on Multi30K batches (Adam 1e-3, clip 1.0) and reports target tokens
 * per second over the counted steps after the warm-up, then greedy decoding sentences per second
 * (batches of 64) and beam-5 sentences per second (one sentence at a time), each decoding figure
 * from a second pass after an untimed warm-up pass. Measurement names are the peer's JSON fields
 * so that rows can be set side by side.
 */
public final class MtSmallBenchmark implements Benchmark {

  /**
   * Step counts and sizes; {@link #spec} is the protocol, {@link #quick} a smoke run.
   *
   * @param beamSentences test sentences decoded one at a time with beam {@code beamSize}
   */
  public record Protocol(int pairs, int batch, int warmup, int steps, int decode, int maxDecode,
      int beamSentences, int beamSize) {
    public static Protocol spec() {
      return new Protocol(6_400, 64, 5, 60, 128, 60, 64, 5);
    }

    /** Same model and data, a handful of short batches: seconds, indicative numbers only. */
    public static Protocol quick() {
      return new Protocol(6_400, 64, 1, 1, 8, 5, 2, 5);
    }
  }

  private final Map<String, BackendProvider> backends;
  private final Supplier<Path> dataFolder;

  @Inject
  MtSmallBenchmark(Map<String, BackendProvider> backends) {
    this(backends, () -> DatasetResolver.system().resolve("multi30k").folder());
  }

  /** With an explicit Multi30K folder (tests pass the mirror). */
  public MtSmallBenchmark(Map<String, BackendProvider> backends, Supplier<Path> dataFolder) {
    this.backends = backends;
    this.dataFolder = dataFolder;
  }

  @Override
  public String description() {
    return "mt-small: GRU + additive attention on Multi30K, train target tokens/s, greedy and"
        + " beam-5 sentences/s (peer: torch_seq2seq.py)";
  }

  @Override
  public List<Measurement> run(BenchmarkOptions options) {
    BackendProvider provider = backends.get(options.backend());
    if (provider == null) {
      throw new IllegalArgumentException("unknown backend '" + options.backend()
          + "'; registered: " + String.join(", ", new TreeSet<>(backends.keySet())));
    }
    Protocol p = options.quick() ? Protocol.quick() : Protocol.spec();
    Backend backend =
        provider.create(new BackendOptions(BackendOptions.Device.AUTO, options.threads()));
    int threads = new BackendOptions(BackendOptions.Device.CPU, options.threads()).resolvedThreads();
    String where = options.backend() + ", " + threads + " threads";
    MtSmallData data = MtSmallData.load(dataFolder.get(), p.pairs(), p.batch(), p.decode(), 1);
    ParameterStore store = new ParameterStore(backend, 1);
    MtSmallModel model = new MtSmallModel(store, MtSmallModel.Config.spec(
        data.sourceVocabulary().size(), data.targetVocabulary().size()));
    List<Measurement> out = new ArrayList<>();
    Train train = train(backend, store, model, data, p);
    out.add(new Measurement("train_tgt_tokens_per_s", train.tokensPerSecond(), "target tokens/s",
        String.format(Locale.ROOT, "%d steps after %d warm-up, batch %d; %.2fM params; final loss"
            + " %.3f; %s", p.steps(), p.warmup(), p.batch(), store.count() / 1e6, train.loss(), where)));
    // Decoding runs small products the training steps never ran (a few rows, packed weights),
    // so each figure is the second of two passes over the same sentences, as a JMH warm-up
    // would have it; the first, JIT-compiling pass is given in the note.
    double greedyFirst = greedy(backend, model, data, p);
    double greedy = greedy(backend, model, data, p);
    out.add(new Measurement("greedy_sent_per_s", greedy, "sentences/s",
        String.format(Locale.ROOT, "first %d test sentences, batches of %d, at most %d steps;"
            + " second pass (first pass %.1f); %s",
            data.test().size(), p.batch(), p.maxDecode(), greedyFirst, where)));
    int beamSentences = Math.min(p.beamSentences(), data.test().size());
    List<int[]> beamSet = data.test().subList(0, beamSentences);
    double beamFirst = beam(backend, model, beamSet, p);
    double beam = beam(backend, model, beamSet, p);
    out.add(new Measurement("beam" + p.beamSize() + "_sent_per_s", beam, "sentences/s",
        String.format(Locale.ROOT, "first %d test sentences one at a time, beam %d, length"
            + " penalty 1, at most %d tokens; second pass (first pass %.1f); %s", beamSentences,
            p.beamSize(), p.maxDecode(), beamFirst, where)));
    return out;
  }

  private record Train(double tokensPerSecond, double loss) {}

  private static Train train(
      Backend backend, ParameterStore store, MtSmallModel model, MtSmallData data, Protocol p) {
    List<Parameter> parameters = List.copyOf(store.parameters().values());
    Optimizer adam = new Adam(parameters, 1e-3);
    ForwardMode mode = ForwardMode.train(new SplittableRandom(1));
    long tokens = 0;
    long start = 0;
    double loss = Double.NaN;
    List<MtSmallData.HostBatch> batches = data.batches();
    for (int step = 0; step < p.warmup() + p.steps(); step++) {
      if (step == p.warmup()) {
        start = System.nanoTime();
        tokens = 0;
      }
      MtSmallData.HostBatch host = batches.get(step % batches.size());
      adam.zeroGrad();
      // One scope per step, as the Trainer does: off-heap backends free the step's temporaries.
      try (TensorScope scope = backend.scope()) {
        MtSmallData.DeviceBatch b = MtSmallData.toDevice(backend, host);
        try (GradientTape tape = backend.gradientTape()) {
          MtSmallModel.Source source = model.encode(b.source(), b.lengths(), mode);
          Tensor l = model.loss(source, b.inputs(), b.targets(), mode);
          loss = l.item(); // also waits for the forward pass on asynchronous backends
          tape.backward(l);
        }
        GradientClipping.clipByGlobalNorm(parameters, 1.0);
        adam.step();
      }
      tokens += host.targetTokens();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Train(tokens / seconds, loss);
  }

  private static double greedy(Backend backend, MtSmallModel model, MtSmallData data, Protocol p) {
    List<int[]> test = data.test();
    long start = System.nanoTime();
    for (int k = 0; k < test.size(); k += p.batch()) {
      List<int[]> chunk = test.subList(k, Math.min(test.size(), k + p.batch()));
      try (TensorScope scope = backend.scope()) {
        int[] lengths = new int[chunk.size()];
        Tensor ids = MtSmallData.pad(backend, chunk, lengths);
        model.greedy(ids, lengths, p.maxDecode());
      }
    }
    return test.size() / ((System.nanoTime() - start) / 1e9);
  }

  /** One sentence at a time as the peer does, at most the peer's 60 output tokens. */
  private static double beam(Backend backend, MtSmallModel model, List<int[]> test, Protocol p) {
    BeamSearch.Options options = new BeamSearch.Options(p.beamSize(), 1, 1.0, 0.0, p.maxDecode());
    long start = System.nanoTime();
    for (int[] sentence : test) {
      try (TensorScope scope = backend.scope()) {
        int[] lengths = new int[1];
        Tensor ids = MtSmallData.pad(backend, List.of(sentence), lengths);
        model.beam(ids, lengths, options, false);
      }
    }
    return test.size() / ((System.nanoTime() - start) / 1e9);
  }
}
