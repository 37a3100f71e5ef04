package dev.seq2seq.task.speech.bench;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.train.BatchPlan;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.bench.Benchmark;
import dev.seq2seq.bench.BenchmarkOptions;
import dev.seq2seq.bench.Measurement;
import dev.seq2seq.data.DatasetResolver;
import dev.seq2seq.nn.CtcDecoder;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Parameter;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.optim.Adam;
import dev.seq2seq.optim.GradientClipping;
import dev.seq2seq.optim.Optimizer;
import dev.seq2seq.task.speech.SpeechModelConfig;
import dev.seq2seq.task.speech.audio.Audio;
import dev.seq2seq.task.speech.data.Alphabet;
import dev.seq2seq.task.speech.data.FsddRecording;
import dev.seq2seq.task.speech.features.FeatureExtractor;
import dev.seq2seq.task.speech.features.LogMelConfig;
import dev.seq2seq.task.speech.model.SpeechModel;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code seq2seq bench asr-small}: BENCHMARKS.md's protocol, the same as the PyTorch peer's
 * ({@code torch_ctc_asr.py}). Trains the asr-small network on the FSDD training split (features
 * computed beforehand, a fresh shuffle per epoch, batches of 32, Adam 1e-3, clip 5) and reports
 * training audio seconds per wall second; then transcribes the test split one file at a time
 * (features, forward pass and greedy decoding timed; the peer times only the last two) for the
 * real-time factor (second pass, after an untimed warm-up pass over the same files) and the
 * exact-transcript accuracy. Measurement names are the peer's fields.
 */
public final class AsrSmallBenchmark implements Benchmark {

  /**
   * How much to run: {@link #spec} is the peer's default (3 epochs), {@link #quick} one epoch (the
   * peer's {@code --epochs 1}): the same speed figures sooner, an accuracy that means little.
   */
  public record Protocol(int epochs, int maxSteps, int testFiles) {
    public static Protocol spec() {
      return new Protocol(3, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    public static Protocol quick() {
      return new Protocol(1, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }
  }

  private static final int BATCH = 32;

  private final Map<String, BackendProvider> backends;
  private final Supplier<Path> recordings;

  @Inject
  AsrSmallBenchmark(Map<String, BackendProvider> backends) {
    this(backends, () -> DatasetResolver.system().resolve("fsdd").folder().resolve("recordings"));
  }

  /** With an explicit recordings folder (tests pass the mirror's). */
  public AsrSmallBenchmark(Map<String, BackendProvider> backends, Supplier<Path> recordings) {
    this.backends = backends;
    this.recordings = recordings;
  }

  @Override
  public String description() {
    return "asr-small: BiLSTM-CTC on FSDD, training audio s/s, transcription real-time factor and"
        + " test accuracy (peer: torch_ctc_asr.py)";
  }

  private record Item(float[][] features, int[] labels, String word, Audio audio) {}

  @Override
  public List<Measurement> run(BenchmarkOptions options) {
    BackendProvider provider = backends.get(options.backend());
    if (provider == null) {
      throw new IllegalArgumentException("unknown backend '" + options.backend()
          + "'; registered: " + String.join(", ", new TreeSet<>(backends.keySet())));
    }
    Protocol p = options.quick() ? Protocol.quick() : Protocol.spec();
    int threads = new BackendOptions(BackendOptions.Device.CPU, options.threads()).resolvedThreads();
    String where = options.backend() + ", " + threads + " threads";
    FeatureExtractor fx = LogMelConfig.defaults().build(8000);
    List<Item> train = new ArrayList<>();
    List<Item> test = new ArrayList<>();
    try {
      for (FsddRecording r : FsddRecording.list(recordings.get())) {
        Audio a = r.load(8000);
        Item item = new Item(fx.apply(a), Alphabet.encode(r.word(), r.file().toString()), r.word(), a);
        (r.isTest() ? test : train).add(item);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Backend backend = provider.create(new BackendOptions(BackendOptions.Device.AUTO, options.threads()))) {
      ParameterStore store = new ParameterStore(backend, 1);
      SpeechModelConfig c = SpeechModelConfig.asrSmall();
      SpeechModel model = new SpeechModel(store, new SpeechModel.Config(fx.dims(), Alphabet.size(),
          c.cell(), c.hidden(), c.layers(), c.bidirectional(), 0, 0, 0), Alphabet.BLANK);
      List<Parameter> parameters = List.copyOf(store.parameters().values());
      Optimizer adam = new Adam(parameters, 1e-3);
      SplittableRandom shuffle = new SplittableRandom(1);
      ForwardMode mode = ForwardMode.train(new SplittableRandom(2)); // no dropout in asr-small
      double audio = 0;
      double loss = Double.NaN;
      int steps = 0;
      long start = System.nanoTime();
      outer:
      for (int epoch = 0; epoch < p.epochs(); epoch++) {
        int[] order = BatchPlan.permutation(train.size(), shuffle);
        for (int k = 0; k < order.length; k += BATCH) {
          if (steps == p.maxSteps()) {
            break outer;
          }
          List<Item> batch = new ArrayList<>();
          for (int i = k; i < Math.min(order.length, k + BATCH); i++) {
            batch.add(train.get(order[i]));
          }
          adam.zeroGrad();
          try (TensorScope scope = backend.scope()) {
            int[] lengths = new int[batch.size()];
            Tensor x = pad(backend, batch.stream().map(Item::features).toList(), lengths, fx.dims());
            int[][] targets = batch.stream().map(Item::labels).toArray(int[][]::new);
            try (GradientTape tape = backend.gradientTape()) {
              Tensor l = model.loss(model.logits(x, lengths, mode), lengths, targets);
              loss = l.item();
              tape.backward(l);
            }
            GradientClipping.clipByGlobalNorm(parameters, 5.0);
            adam.step();
          }
          for (Item it : batch) {
            audio += it.audio().seconds();
          }
          steps++;
        }
      }
      double trainSeconds = (System.nanoTime() - start) / 1e9;
      List<Measurement> out = new ArrayList<>();
      out.add(new Measurement("train_audio_s_per_s", audio / trainSeconds, "audio s/s",
          String.format(Locale.ROOT, "%d steps (%d epochs max), batch %d, %.2fM params, final loss"
              + " %.4f; %s", steps, p.epochs(), BATCH, store.count() / 1e6, loss, where)));

      // Batch-1 inference runs products training never ran (one row, packed weights): the
      // real-time factor is the second of two passes over the test files, as a JMH warm-up
      // would have it; the first, JIT-compiling pass is given in the note.
      List<Item> files = test.subList(0, Math.min(test.size(), p.testFiles()));
      Transcription first = transcribe(backend, model, fx, files);
      Transcription timed = transcribe(backend, model, fx, files);
      out.add(new Measurement("transcribe_rtf", timed.rtf(), "wall s / audio s",
          String.format(Locale.ROOT, "%d test files one at a time, features + forward + greedy;"
              + " second pass (first pass %.5f); %s", files.size(), first.rtf(), where)));
      int ok = timed.correct();
      out.add(new Measurement("test_accuracy", (double) ok / files.size(), "fraction",
          String.format(Locale.ROOT, "exact transcripts of %d test files after %d steps",
              files.size(), steps)));
      return out;
    }
  }


  private record Transcription(double rtf, int correct) {}

  /** Transcribes {@code files} one at a time: features, forward pass and greedy decoding. */
  private static Transcription transcribe(
      Backend backend, SpeechModel model, FeatureExtractor fx, List<Item> files) {
    int ok = 0;
    double audio = 0;
    long start = System.nanoTime();
    for (Item it : files) {
      try (TensorScope scope = backend.scope()) {
        float[][] x = fx.apply(it.audio());
        int[] lengths = new int[1];
        Tensor logits = model.logits(pad(backend, List.<float[][]>of(x), lengths, fx.dims()),
            lengths, ForwardMode.eval());
        float[] lp = logits.logSoftmax(2).toFloatArray();
        int[] labels = CtcDecoder.greedy(lp, lengths[0], Alphabet.size(), Alphabet.BLANK).labels();
        if (Alphabet.decode(labels).equals(it.word())) {
          ok++;
        }
      }
      audio += it.audio().seconds();
    }
    return new Transcription((System.nanoTime() - start) / 1e9 / audio, ok);
  }

  private static Tensor pad(Backend backend, List<float[][]> xs, int[] lengths, int dims) {
    int time = 1;
    for (int b = 0; b < xs.size(); b++) {
      lengths[b] = xs.get(b).length;
      time = Math.max(time, lengths[b]);
    }
    float[] host = new float[xs.size() * time * dims];
    for (int b = 0; b < xs.size(); b++) {
      for (int t = 0; t < xs.get(b).length; t++) {
        System.arraycopy(xs.get(b)[t], 0, host, (b * time + t) * dims, dims);
      }
    }
    return backend.of(host, xs.size(), time, dims);
  }
}
