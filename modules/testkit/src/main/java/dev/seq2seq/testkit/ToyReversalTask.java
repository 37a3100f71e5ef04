package dev.seq2seq.testkit;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Parameter;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.optim.GradientClipping;
import dev.seq2seq.optim.Optimizer;
import dev.seq2seq.toy.DigitData;
import dev.seq2seq.toy.ReverseDigitsModel;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Learns to reverse digit sequences end to end through the public API, then measures greedy exact
 * match on held-out sequences. Used by {@link ToyTaskConformance} as a whole-stack smoke test: it
 * only passes when embeddings, recurrent layers with variable lengths, attention masking, the
 * loss, autograd and the optimiser all work together.
 */
public final class ToyReversalTask {

  /**
   * @param minLength shortest source
   * @param maxLength longest source
   * @param embedding embedding width
   * @param hidden decoder hidden size; the bidirectional encoder has half per direction
   * @param batchSize training batch size
   * @param maxSteps training steps at most
   * @param evalEvery steps between validation checks
   * @param stopAccuracy validation exact match that counts as a good check
   * @param goodChecks training stops after this many good validation checks in a row
   * @param validation validation sequences (never trained on)
   * @param heldOut held-out test sequences (never trained on)
   * @param learningRate Adam's learning rate
   * @param clipNorm global gradient norm limit
   * @param seed parameter, data and dropout seed
   */
  public record Config(
      int minLength,
      int maxLength,
      int embedding,
      int hidden,
      int batchSize,
      int maxSteps,
      int evalEvery,
      double stopAccuracy,
      int goodChecks,
      int validation,
      int heldOut,
      double learningRate,
      double clipNorm,
      long seed) {

    public static Config defaults() {
      return new Config(3, 8, 32, 64, 64, 1500, 50, 0.995, 3, 300, 1000, 1e-2, 1.0, 7);
    }
  }

  /**
   * @param accuracy exact-match rate of greedy decoding on the held-out set
   * @param steps training steps taken
   * @param finalLoss mean loss over the last {@code evalEvery} steps
   * @param trainSeconds wall time of training (including validation checks)
   * @param trainCpuSeconds CPU time of the whole process during training (all threads), or NaN
   *     where the JVM does not report it; unlike wall time it barely moves on a busy machine
   * @param parameters number of trained weights
   * @param validation validation exact-match rate at each check, in order
   */
  public record Result(
      double accuracy,
      int steps,
      double finalLoss,
      double trainSeconds,
      double trainCpuSeconds,
      long parameters,
      List<Double> validation) {
    public Result {
      validation = List.copyOf(validation);
    }
  }

  private final Config config;

  public ToyReversalTask(Config config) {
    this.config = config;
  }

  public Result run(Backend backend, Function<List<Parameter>, Optimizer> optimizerFactory) {
    SplittableRandom rng = new SplittableRandom(config.seed());
    DigitData free = new DigitData(config.minLength(), config.maxLength(), List.of());
    List<int[]> test = free.sample(rng.split(), config.heldOut());
    List<int[]> validation = free.sample(rng.split(), config.validation());
    List<int[]> unseen = new ArrayList<>(test);
    unseen.addAll(validation);
    DigitData train = new DigitData(config.minLength(), config.maxLength(), unseen);

    ParameterStore store = new ParameterStore(backend, config.seed());
    ReverseDigitsModel model = new ReverseDigitsModel(store, config.embedding(), config.hidden());
    List<Parameter> parameters = List.copyOf(store.parameters().values());
    Optimizer optimizer = optimizerFactory.apply(parameters);
    ForwardMode mode = ForwardMode.train(rng.split());
    SplittableRandom dataRng = rng.split();

    long start = System.nanoTime();
    double cpuStart = processCpuSeconds();
    double lossSum = 0;
    double lastLoss = Double.NaN;
    int step = 0;
    int good = 0;
    double best = 0;
    List<Double> history = new ArrayList<>();
    while (step < config.maxSteps()) {
      DigitData.Batch batch =
          DigitData.batch(backend, train.sample(dataRng, config.batchSize()));
      optimizer.zeroGrad();
      try (GradientTape tape = backend.gradientTape()) {
        Tensor loss = model.loss(batch, mode);
        tape.backward(loss);
        lossSum += loss.item();
      }
      GradientClipping.clipByGlobalNorm(parameters, config.clipNorm());
      optimizer.step();
      step++;
      if (step % config.evalEvery() == 0) {
        lastLoss = lossSum / config.evalEvery();
        lossSum = 0;
        double accuracy = accuracy(model, validation);
        history.add(accuracy);
        // Halve the rate whenever validation stops improving: a high rate learns the alignment
        // fast, a low one then stops the last few sequences from flipping back and forth.
        // Four halvings at most, so that training can still move.
        if (accuracy <= best && optimizer.learningRate() > config.learningRate() / 10) {
          optimizer.setLearningRate(optimizer.learningRate() / 2);
        }
        best = Math.max(best, accuracy);
        // Several good checks in a row: one can be luck on the boundary of convergence.
        good = accuracy >= config.stopAccuracy() ? good + 1 : 0;
        if (good == config.goodChecks()) {
          break;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = processCpuSeconds() - cpuStart;
    return new Result(accuracy(model, test), step, lastLoss, seconds, cpu, store.count(), history);
  }

  /** Greedy exact-match rate of {@code model} on {@code sources}. */
  public double accuracy(ReverseDigitsModel model, List<int[]> sources) {
    int correct = 0;
    for (int from = 0; from < sources.size(); from += 250) {
      List<int[]> chunk = sources.subList(from, Math.min(sources.size(), from + 250));
      List<int[]> decoded = model.greedy(chunk, config.maxLength() + 2);
      for (int i = 0; i < chunk.size(); i++) {
        if (Arrays.equals(decoded.get(i), DigitData.reversed(chunk.get(i)))) {
          correct++;
        }
      }
    }
    return (double) correct / sources.size();
  }

  private static double processCpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      return nanos < 0 ? Double.NaN : nanos / 1e9;
    }
    return Double.NaN;
  }
}
