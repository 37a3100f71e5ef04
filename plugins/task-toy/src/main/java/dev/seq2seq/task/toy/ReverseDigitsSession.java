package dev.seq2seq.task.toy;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.toy.DigitData;
import dev.seq2seq.toy.ReverseDigitsModel;
import dev.seq2seq.train.BatchPlan;
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
  private final BatchPlan plan;
  private final long seed;
  private final ParameterStore store;
  private final ReverseDigitsModel model;
  private final List<int[]> train;
  private final List<int[]> validation;
  private final List<int[]> test;

  ReverseDigitsSession(Recipe recipe, Backend backend) {
    this.backend = backend;
    this.data = (ToyDataConfig) recipe.data();
    ToyModelConfig modelConfig = (ToyModelConfig) recipe.model();
    this.seed = recipe.seed();
    SplittableRandom rng = new SplittableRandom(seed);
    DigitData free = new DigitData(data.minLength(), data.maxLength(), List.of());
    this.test = free.sample(rng.split(), data.testExamples());
    this.validation = free.sample(rng.split(), data.validationExamples());
    List<int[]> unseen = new ArrayList<>(test);
    unseen.addAll(validation);
    this.train = new DigitData(data.minLength(), data.maxLength(), unseen)
        .sample(rng.split(), data.trainExamples());
    int[] sizes = new int[train.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = 2 * train.get(i).length + 1; // source, and target with EOS
    }
    this.plan = BatchPlan.of(sizes, recipe.train(), seed);
    this.store = new ParameterStore(backend, seed);
    this.model = new ReverseDigitsModel(store, modelConfig.embedding(), modelConfig.hidden());
  }

  @Override
  public ParameterStore parameters() {
    return store;
  }

  @Override
  public long batchesPerEpoch() {
    return plan.batchesPerEpoch();
  }

  @Override
  public ToyBatch batch(DataPosition position) {
    int[] members = plan.batch(position.epoch(), position.index());
    List<int[]> sequences = new ArrayList<>(members.length);
    long tokens = 0;
    for (int i : members) {
      int[] s = train.get(i);
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
}
