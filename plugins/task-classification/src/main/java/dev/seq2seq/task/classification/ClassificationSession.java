package dev.seq2seq.task.classification;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.task.classification.data.DataException;
import dev.seq2seq.task.classification.data.LabeledSentence;
import dev.seq2seq.task.classification.data.SourceConfig;
import dev.seq2seq.task.classification.data.Splits;
import dev.seq2seq.task.classification.metrics.Confusion;
import dev.seq2seq.task.classification.model.SentenceClassifier;
import dev.seq2seq.task.classification.text.RegexTokenizer;
import dev.seq2seq.task.classification.text.Vocabulary;
import dev.seq2seq.train.BatchPlan;
import dev.seq2seq.train.DataPosition;
import dev.seq2seq.train.TaskSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence classification for one recipe: the data (read, tokenised, split), the vocabulary, the
 * model, and scoring. A session loaded from a model folder reads the data only when it is scored.
 */
public final class ClassificationSession
    implements TaskSession<ClassificationSession.TextBatch> {
  static final String VOCABULARY_FILE = "vocabulary.txt";
  static final String LABELS_FILE = "labels.txt";
  private static final int EVAL_CHUNK = 256;

  /** Token ids and labels of one training batch. */
  record TextBatch(List<int[]> sentences, int[] labels, long tokens) implements TaskSession.Batch {}

  /**
   * A prediction for one line of text.
   *
   * @param label the most probable label's index, or -1 for a line without tokens
   * @param probabilities per label (in {@link #labels()} order), or null for a line without tokens
   */
  public record Prediction(int label, float[] probabilities) {}

  /** The sentences of one part of the data, as ids and label indices. */
  private record Part(List<int[]> sentences, int[] labels) {}

  private final Backend backend;
  private final ClassificationDataConfig data;
  private final long seed;
  private final RegexTokenizer tokenizer;
  private final List<String> labels;
  private final Vocabulary vocabulary;
  private final ParameterStore store;
  private final SentenceClassifier model;
  private final Part train;
  private final BatchPlan plan;
  private Map<TaskSession.Split, Part> heldOut; // read lazily by loaded sessions

  /** Reads and splits the data, builds the vocabulary from the training part. */
  static ClassificationSession forTraining(Recipe recipe, Backend backend) {
    ClassificationDataConfig data = (ClassificationDataConfig) recipe.data();
    Prepared prepared = Prepared.read(data, recipe.seed());
    List<List<String>> trainTokens = new ArrayList<>();
    for (int i : prepared.splits().train()) {
      trainTokens.add(prepared.tokens().get(i));
    }
    Vocabulary vocabulary = Vocabulary.build(trainTokens, data.minCount());
    return new ClassificationSession(recipe, backend, prepared.labels(), vocabulary, prepared);
  }

  /** Rebuilds the session of a model folder (vocabulary and labels from its files). */
  static ClassificationSession forModel(Recipe recipe, Backend backend, Path modelDir)
      throws IOException {
    Path vocabularyFile = modelDir.resolve(VOCABULARY_FILE);
    Path labelsFile = modelDir.resolve(LABELS_FILE);
    if (!Files.isRegularFile(vocabularyFile) || !Files.isRegularFile(labelsFile)) {
      throw new UsageException(modelDir + " is not a classification model: " + VOCABULARY_FILE
          + " or " + LABELS_FILE + " is missing");
    }
    List<String> labels = Files.readAllLines(labelsFile, StandardCharsets.UTF_8);
    if (labels.size() < 2) {
      throw new UsageException(labelsFile + ": expected two or more labels, one a line");
    }
    return new ClassificationSession(recipe, backend, labels, Vocabulary.load(vocabularyFile), null);
  }

  private ClassificationSession(Recipe recipe, Backend backend, List<String> labels,
      Vocabulary vocabulary, Prepared prepared) {
    this.backend = backend;
    this.data = (ClassificationDataConfig) recipe.data();
    this.seed = recipe.seed();
    this.tokenizer = new RegexTokenizer(data.pattern(), data.lowercase());
    this.labels = List.copyOf(labels);
    this.vocabulary = vocabulary;
    this.store = new ParameterStore(backend, seed);
    this.model = new SentenceClassifier(store, vocabulary.size(), labels.size(), Vocabulary.PAD,
        (ClassificationModelConfig) recipe.model());
    if (prepared != null) {
      this.train = prepared.part(prepared.splits().train(), vocabulary);
      this.heldOut = prepared.heldOut(vocabulary);
      int[] sizes = train.sentences().stream().mapToInt(s -> s.length).toArray();
      this.plan = BatchPlan.of(sizes, recipe.train(), seed);
    } else {
      this.train = null;
      this.plan = null;
    }
  }

  public List<String> labels() {
    return labels;
  }

  @Override
  public ParameterStore parameters() {
    return store;
  }

  @Override
  public long batchesPerEpoch() {
    return requireTraining().batchesPerEpoch();
  }

  @Override
  public TextBatch batch(DataPosition position) {
    int[] members = requireTraining().batch(position.epoch(), position.index());
    List<int[]> sentences = new ArrayList<>(members.length);
    int[] batchLabels = new int[members.length];
    long tokens = 0;
    for (int k = 0; k < members.length; k++) {
      int[] s = train.sentences().get(members[k]);
      sentences.add(s);
      batchLabels[k] = train.labels()[members[k]];
      tokens += s.length;
    }
    return new TextBatch(sentences, batchLabels, tokens);
  }

  @Override
  public Tensor loss(TextBatch batch, ForwardMode mode) {
    return model.loss(model.logits(batch.sentences(), mode), batch.labels());
  }

  @Override
  public Map<String, Double> metrics(Split split) {
    Part part = heldOut().get(split);
    if (part == null) {
      throw new UsageException("no test part to score: data.test is 0 and data.folds is 0"
          + " (set one of them, or use --split validation)");
    }
    int n = part.sentences().size();
    int[] predicted = new int[n];
    double lossSum = 0;
    for (int[] chunk : chunksByLength(part.sentences())) {
      List<int[]> sentences = new ArrayList<>(chunk.length);
      int[] gold = new int[chunk.length];
      for (int k = 0; k < chunk.length; k++) {
        sentences.add(part.sentences().get(chunk[k]));
        gold[k] = part.labels()[chunk[k]];
      }
      try (TensorScope scope = backend.scope()) {
        Tensor logits = model.logits(sentences, ForwardMode.eval());
        lossSum += model.loss(logits, gold).item() * chunk.length;
        int[] best = logits.argmax(1).toIntArray();
        for (int k = 0; k < chunk.length; k++) {
          predicted[chunk[k]] = best[k];
        }
      }
    }
    Confusion confusion = Confusion.of(labels, part.labels(), predicted);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("loss", lossSum / n);
    metrics.put("accuracy", confusion.accuracy());
    metrics.put("macro_f1", confusion.macroF1());
    metrics.putAll(confusion.flat());
    return metrics;
  }

  /** Label probabilities for each text; texts without tokens get {@code label == -1}. */
  public List<Prediction> classify(List<String> texts) {
    List<Prediction> out = new ArrayList<>(java.util.Collections.nCopies(texts.size(), null));
    List<int[]> sentences = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      int[] ids = encode(texts.get(i));
      if (ids.length == 0) {
        out.set(i, new Prediction(-1, null));
      } else {
        sentences.add(ids);
        where.add(i);
      }
    }
    if (!sentences.isEmpty()) {
      try (TensorScope scope = backend.scope()) {
        float[] p = model.logits(sentences, ForwardMode.eval()).softmax(1).toFloatArray();
        int c = labels.size();
        for (int k = 0; k < sentences.size(); k++) {
          float[] row = Arrays.copyOfRange(p, k * c, (k + 1) * c);
          int best = 0;
          for (int j = 1; j < c; j++) {
            if (row[j] > row[best]) {
              best = j;
            }
          }
          out.set(where.get(k), new Prediction(best, row));
        }
      }
    }
    return out;
  }

  @Override
  public void writeExtras(Path modelDir) throws IOException {
    vocabulary.save(modelDir.resolve(VOCABULARY_FILE));
    Files.write(modelDir.resolve(LABELS_FILE), labels, StandardCharsets.UTF_8);
  }

  private int[] encode(String text) {
    List<String> tokens = tokenizer.tokenize(text);
    if (data.maxTokens() > 0 && tokens.size() > data.maxTokens()) {
      tokens = tokens.subList(0, data.maxTokens());
    }
    return vocabulary.encode(tokens);
  }

  private BatchPlan requireTraining() {
    if (plan == null) {
      throw new IllegalStateException("a session loaded from a model folder cannot train");
    }
    return plan;
  }

  private synchronized Map<Split, Part> heldOut() {
    if (heldOut == null) {
      Prepared prepared;
      try {
        prepared = Prepared.read(data, seed);
      } catch (DataException e) {
        throw new UsageException(e.getMessage());
      }
      if (!prepared.labels().equals(labels)) {
        throw new UsageException("the data's labels " + prepared.labels()
            + " differ from the model's " + labels);
      }
      heldOut = prepared.heldOut(vocabulary);
    }
    return heldOut;
  }

  /** Indices of {@code sentences} in chunks of similar length, so little padding is computed. */
  private static List<int[]> chunksByLength(List<int[]> sentences) {
    Integer[] order = new Integer[sentences.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> sentences.get(i).length));
    List<int[]> chunks = new ArrayList<>();
    for (int from = 0; from < order.length; from += EVAL_CHUNK) {
      int to = Math.min(order.length, from + EVAL_CHUNK);
      int[] chunk = new int[to - from];
      for (int k = from; k < to; k++) {
        chunk[k - from] = order[k];
      }
      chunks.add(chunk);
    }
    return chunks;
  }

  /** The data read, tokenised and split; sentences without a token are dropped. */
  private record Prepared(
      ClassificationDataConfig data, List<String> labels, List<List<String>> tokens,
      int[] labelIds, Splits splits) {

    static Prepared read(ClassificationDataConfig data, long seed) {
      SourceConfig.Labeled read = data.source().read(data.charset());
      RegexTokenizer tokenizer = new RegexTokenizer(data.pattern(), data.lowercase());
      List<String> labels = read.labels();
      Map<String, Integer> index = new LinkedHashMap<>();
      for (String l : labels) {
        index.put(l, index.size());
      }
      List<List<String>> tokens = new ArrayList<>();
      List<Integer> ids = new ArrayList<>();
      for (LabeledSentence s : read.sentences()) {
        List<String> t = tokenizer.tokenize(s.text());
        if (t.isEmpty()) {
          continue;
        }
        if (data.maxTokens() > 0 && t.size() > data.maxTokens()) {
          t = t.subList(0, data.maxTokens());
        }
        tokens.add(t);
        ids.add(index.get(s.label()));
      }
      int[] labelIds = ids.stream().mapToInt(Integer::intValue).toArray();
      for (int c = 0; c < labels.size(); c++) {
        final int label = c;
        if (Arrays.stream(labelIds).noneMatch(l -> l == label)) {
          throw new UsageException("label '" + labels.get(c) + "' has no sentence with a token"
              + " (data.source)");
        }
      }
      Splits splits = data.folds() > 0
          ? Splits.byFold(labelIds, labels.size(), seed, data.folds(), data.fold(), data.validation())
          : Splits.byFraction(labelIds, labels.size(), seed, data.validation(), data.test());
      if (splits.train().length == 0) {
        throw new UsageException("no sentences left to train on after holding out validation and"
            + " test parts (" + labelIds.length + " sentences)");
      }
      return new Prepared(data, labels, tokens, labelIds, splits);
    }

    Part part(int[] indices, Vocabulary vocabulary) {
      List<int[]> sentences = new ArrayList<>(indices.length);
      int[] partLabels = new int[indices.length];
      for (int k = 0; k < indices.length; k++) {
        sentences.add(vocabulary.encode(tokens.get(indices[k])));
        partLabels[k] = labelIds[indices[k]];
      }
      return new Part(sentences, partLabels);
    }

    /** Validation (the training part when none is held out) and test (absent when none). */
    Map<Split, Part> heldOut(Vocabulary vocabulary) {
      Map<Split, Part> out = new java.util.EnumMap<>(Split.class);
      out.put(Split.VALIDATION, part(
          splits.validation().length > 0 ? splits.validation() : splits.train(), vocabulary));
      if (splits.test().length > 0) {
        out.put(Split.TEST, part(splits.test(), vocabulary));
      }
      return out;
    }
  }
}
