package dev.seq2seq.task.toy;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.train.DataPosition;
import dev.seq2seq.train.TaskSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Reverse-digits data and model for one recipe. */
final class ReverseDigitsSession implements TaskSession<ReverseDigitsSession.ToyBatch> {
  static final String VOCABULARY_FILE = "vocabulary.json";
  private static final int EVAL_CHUNK = 100;

  /** A padded batch and its token count. */
  record ToyBatch(DigitData.Batch batch, long tokens) implements TaskSession.Batch {}

  private final Backend backend;
  private final ToyDataConfig data;
  private final int batchSize;
  private final long seed;
  private final ParameterStore store;
  private final ReverseDigitsModel model;
  private final List<int[]> train;
  private final List<int[]> validation;
  private final List<int[]> test;
  private long shuffledEpoch = -1;
  private int[] order;

  ReverseDigitsSession(Recipe recipe, Backend backend) {
    this.backend = backend;
    this.data = (ToyDataConfig) recipe.data();
    ToyModelConfig modelConfig = (ToyModelConfig) recipe.model();
    this.batchSize = recipe.train().batchSize();
    this.seed = recipe.seed();
    SplittableRandom rng = new SplittableRandom(seed);
    DigitData free = new DigitData(data.minLength(), data.maxLength(), List.of());
    this.test = free.sample(rng.split(), data.testExamples());
    this.validation = free.sample(rng.split(), data.validationExamples());
    List<int[]> unseen = new ArrayList<>(test);
    unseen.addAll(validation);
    this.train = new DigitData(data.minLength(), data.maxLength(), unseen)
        .sample(rng.split(), data.trainExamples());
    this.store = new ParameterStore(backend, seed);
    this.model = new ReverseDigitsModel(store, modelConfig.embedding(), modelConfig.hidden());
  }

  @Override
  public ParameterStore parameters() {
    return store;
  }

  @Override
  public long batchesPerEpoch() {
    return (train.size() + batchSize - 1) / batchSize;
  }

  @Override
  public ToyBatch batch(DataPosition position) {
    int[] permutation = order(position.epoch());
    int from = Math.toIntExact(position.index() * batchSize);
    int to = Math.min(train.size(), from + batchSize);
    List<int[]> sequences = new ArrayList<>(to - from);
    long tokens = 0;
    for (int i = from; i < to; i++) {
      int[] s = train.get(permutation[i]);
      sequences.add(s);
      tokens += 2L * s.length + 1; // source, and target with EOS
    }
    return new ToyBatch(DigitData.batch(backend, sequences), tokens);
  }

  @Override
  public Tensor loss(ToyBatch batch, ForwardMode mode) {
    return model.loss(batch.batch(), mode);
  }

  @Override
  public Map<String, Double> metrics(Split split) {
    List<int[]> sources = split == Split.TEST ? test : validation;
    double lossSum = 0;
    int correct = 0;
    for (int from = 0; from < sources.size(); from += EVAL_CHUNK) {
      List<int[]> chunk = sources.subList(from, Math.min(sources.size(), from + EVAL_CHUNK));
      try (TensorScope scope = backend.scope()) {
        lossSum += model.loss(DigitData.batch(backend, chunk), ForwardMode.eval()).item()
            * chunk.size();
      }
      List<int[]> decoded = model.greedy(chunk, data.maxLength() + 2);
      for (int i = 0; i < chunk.size(); i++) {
        if (Arrays.equals(decoded.get(i), DigitData.reversed(chunk.get(i)))) {
          correct++;
        }
      }
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("loss", lossSum / sources.size());
    metrics.put("exact_match", (double) correct / sources.size());
    return metrics;
  }

  @Override
  public void writeExtras(Path modelDir) throws IOException {
    Files.writeString(modelDir.resolve(VOCABULARY_FILE), vocabularyJson());
  }

  /** The token ids the model was trained with; fixed for this task, saved for inference tools. */
  static String vocabularyJson() {
    StringBuilder json = new StringBuilder("{\"pad\": 0, \"bos\": 1, \"eos\": 2, \"tokens\": [\"<pad>\", \"<s>\", \"</s>\"");
    for (int d = 0; d < 10; d++) {
      json.append(", \"").append(d).append('"');
    }
    return json.append("]}\n").toString();
  }

  /** A permutation of the training set for an epoch, from the seed and the epoch alone. */
  private int[] order(long epoch) {
    if (epoch != shuffledEpoch) {
      SplittableRandom rng = new SplittableRandom(seed ^ (0x5DEECE66DL * (epoch + 1)));
      int[] p = new int[train.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = i;
      }
      for (int i = p.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      order = p;
      shuffledEpoch = epoch;
    }
    return order;
  }
}
