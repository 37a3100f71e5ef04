package dev.seq2seq.task.translation;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.metric.CorpusMetric;
import dev.seq2seq.metric.MetricOptions;
import dev.seq2seq.metric.MetricScore;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.task.translation.corpus.CorpusReport;
import dev.seq2seq.task.translation.corpus.PairFilter;
import dev.seq2seq.task.translation.corpus.ParallelCorpus;
import dev.seq2seq.task.translation.decode.Translator;
import dev.seq2seq.task.translation.model.MtSmallData;
import dev.seq2seq.task.translation.model.TranslationModel;
import dev.seq2seq.task.translation.text.TokenizerPair;
import dev.seq2seq.task.translation.text.Vocabulary;
import dev.seq2seq.train.BatchPlan;
import dev.seq2seq.train.DataPosition;
import dev.seq2seq.train.TaskSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A translation model with its tokenizers and vocabularies, and (when training) its data. {@code
 * seq2seq translate} uses {@link #translator()}; the trainer and {@code evaluate} use the
 * {@link TaskSession} side.
 */
public final class TranslationSession implements TaskSession<TranslationSession.TranslationBatch> {
  static final String SOURCE_VOCABULARY = "source.vocab";
  static final String TARGET_VOCABULARY = "target.vocab";

  /** A padded, teacher-forced batch and its target token count. */
  public record TranslationBatch(MtSmallData.DeviceBatch batch, long tokens) implements TaskSession.Batch {}

  /** A held-out split: raw lines (for BLEU) and framed ids of the scoreable pairs (for the loss). */
  private record Held(List<String> sources, List<String> references, List<int[]> lossSources, List<int[]> lossTargets) {}

  private final Backend backend;
  private final Recipe recipe;
  private final TranslationDataConfig data;
  private final Corpora corpora;
  private final Map<String, CorpusMetric> metrics;
  private final TokenizerPair tokenizers;
  private final Vocabulary sourceVocabulary;
  private final Vocabulary targetVocabulary;
  private final ParameterStore store;
  private final TranslationModel model;
  private final Translator translator;
  private final List<int[]> trainSources;
  private final List<int[]> trainTargets;
  private final BatchPlan plan;
  private final Map<Split, Held> held = new EnumMap<>(Split.class);
  private final Map<String, MetricScore> lastScores = new LinkedHashMap<>();

  private TranslationSession(
      Recipe recipe, Backend backend, Map<String, CorpusMetric> metrics, TokenizerPair tokenizers,
      Vocabulary sourceVocabulary, Vocabulary targetVocabulary, List<int[]> trainSources,
      List<int[]> trainTargets) {
    this.backend = backend;
    this.recipe = recipe;
    this.data = (TranslationDataConfig) recipe.data();
    this.corpora = new Corpora(data);
    this.metrics = metrics;
    this.tokenizers = tokenizers;
    this.sourceVocabulary = sourceVocabulary;
    this.targetVocabulary = targetVocabulary;
    TranslationModelConfig modelConfig = (TranslationModelConfig) recipe.model();
    this.store = new ParameterStore(backend, recipe.seed());
    this.model = modelConfig.network().build(
        store, sourceVocabulary.size(), targetVocabulary.size(), modelConfig.labelSmoothing());
    this.translator = new Translator(backend, model, tokenizers, sourceVocabulary, targetVocabulary);
    this.trainSources = trainSources;
    this.trainTargets = trainTargets;
    if (trainSources == null) {
      this.plan = null;
    } else {
      int[] sizes = new int[trainSources.size()];
      for (int i = 0; i < sizes.length; i++) {
        sizes[i] = trainSources.get(i).length + trainTargets.get(i).length;
      }
      this.plan = BatchPlan.of(sizes, recipe.train(), recipe.seed());
    }
  }

  /** Reads the training data, learns the tokenizers and vocabularies, builds the model. */
  static TranslationSession train(Recipe recipe, Backend backend, Map<String, CorpusMetric> metrics) {
    TranslationDataConfig data = (TranslationDataConfig) recipe.data();
    ParallelCorpus corpus = new Corpora(data).train();
    TokenizerPair tokenizers = data.tokenizer().build(corpus.sources(), corpus.targets());
    List<List<String>> sources = new ArrayList<>();
    List<List<String>> targets = new ArrayList<>();
    long[] tooLong = {0};
    CorpusReport read = corpus.read(PairFilter.emptyOnly(), pair -> {
      List<String> s = tokenizers.source().encode(pair.source());
      List<String> t = tokenizers.target().encode(pair.target());
      if (s.isEmpty() || t.isEmpty()) {
        return; // only punctuation-free whitespace, say: nothing to learn from
      }
      if (s.size() > data.maxLength() || t.size() > data.maxLength()) {
        tooLong[0]++;
        return;
      }
      sources.add(s);
      targets.add(t);
    });
    if (sources.isEmpty()) {
      throw new IllegalArgumentException(corpus.source() + ": no training pairs left (" + read + ")");
    }
    Vocabulary sv = Vocabulary.build(sources, data.minCount(), data.maxVocabulary());
    Vocabulary tv = Vocabulary.build(targets, data.minCount(), data.maxVocabulary());
    // The trainer has no channel for a task's notes; standard error is where users look.
    System.err.printf("translation: %s: %d pairs read, %d kept, %d with an empty side and %d longer"
            + " than %d tokens dropped; vocabularies %d (source) and %d (target)%n",
        corpus.source(), read.read(), sources.size(), read.empty() + read.kept() - sources.size() - tooLong[0],
        tooLong[0], data.maxLength(), sv.size(), tv.size());
    List<int[]> src = new ArrayList<>(sources.size());
    List<int[]> tgt = new ArrayList<>(targets.size());
    for (int i = 0; i < sources.size(); i++) {
      src.add(sv.encode(sources.get(i), true).ids());
      tgt.add(tv.encode(targets.get(i), true).ids());
    }
    return new TranslationSession(recipe, backend, metrics, tokenizers, sv, tv, src, tgt);
  }

  /** Rebuilds the model of a model folder from what {@link #writeExtras} saved. */
  static TranslationSession load(
      Recipe recipe, Backend backend, Map<String, CorpusMetric> metrics, Path modelDir)
      throws IOException {
    Path sv = modelDir.resolve(SOURCE_VOCABULARY);
    Path tv = modelDir.resolve(TARGET_VOCABULARY);
    if (!Files.isRegularFile(sv) || !Files.isRegularFile(tv)) {
      throw new IOException(modelDir + " is not a translation model: " + SOURCE_VOCABULARY
          + " and " + TARGET_VOCABULARY + " are missing");
    }
    TranslationDataConfig data = (TranslationDataConfig) recipe.data();
    return new TranslationSession(recipe, backend, metrics, data.tokenizer().load(modelDir),
        Vocabulary.load(sv), Vocabulary.load(tv), null, null);
  }

  @Override
  public ParameterStore parameters() {
    return store;
  }

  public Backend backend() {
    return backend;
  }

  public Recipe recipe() {
    return recipe;
  }

  public Translator translator() {
    return translator;
  }

  /** The scores behind the last {@link #metrics} call, with their sacreBLEU signatures. */
  public Map<String, MetricScore> lastScores() {
    return Map.copyOf(lastScores);
  }

  @Override
  public long batchesPerEpoch() {
    return requirePlan().batchesPerEpoch();
  }

  @Override
  public TranslationBatch batch(DataPosition position) {
    int[] members = requirePlan().batch(position.epoch(), position.index());
    List<int[]> s = new ArrayList<>(members.length);
    List<int[]> t = new ArrayList<>(members.length);
    for (int i : members) {
      s.add(trainSources.get(i));
      t.add(trainTargets.get(i));
    }
    MtSmallData.HostBatch host = new MtSmallData.HostBatch(s, t);
    return new TranslationBatch(MtSmallData.toDevice(backend, host), host.targetTokens());
  }

  private BatchPlan requirePlan() {
    if (plan == null) {
      throw new IllegalStateException("this translation session was loaded for inference and has no training data");
    }
    return plan;
  }

  @Override
  public Tensor loss(TranslationBatch batch, ForwardMode mode) {
    return model.loss(batch.batch(), mode);
  }

  @Override
  public Map<String, Double> metrics(Split split) {
    Held h = held.computeIfAbsent(split, this::readHeld);
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("loss", loss(h));
    List<String> hypotheses = new ArrayList<>(h.sources().size());
    for (Translator.Translation t : translator.translate(h.sources(), Translator.Settings.of(recipe.decode()), false)) {
      hypotheses.add(t.text());
    }
    List<List<String>> references = List.of(h.references());
    lastScores.clear();
    lastScores.put("bleu", metric("bleu").score(hypotheses, references, MetricOptions.DEFAULTS));
    lastScores.put("bleu_lc",
        metric("bleu").score(hypotheses, references, MetricOptions.DEFAULTS.withLowercase(true)));
    lastScores.put("chrf", metric("chrf").score(hypotheses, references, MetricOptions.DEFAULTS));
    lastScores.forEach((name, score) -> out.put(name, score.score()));
    return out;
  }

  @Override
  public Map<String, String> metricSignatures() {
    Map<String, String> out = new LinkedHashMap<>();
    lastScores.forEach((name, score) -> out.put(name, score.signature()));
    return out;
  }

  private CorpusMetric metric(String name) {
    CorpusMetric m = metrics.get(name);
    if (m == null) {
      throw new IllegalStateException("metric '" + name + "' is not registered (is the metrics-text"
          + " plugin on the class path? see seq2seq plugins)");
    }
    return m;
  }

  /** Mean cross-entropy per target token, in batches of similar target lengths. */
  private double loss(Held h) {
    int n = h.lossSources().size();
    if (n == 0) {
      return Double.NaN;
    }
    List<Integer> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> h.lossTargets().get(i).length));
    int size = recipe.decode().batchSize();
    double sum = 0;
    long tokens = 0;
    for (int from = 0; from < n; from += size) {
      List<Integer> chunk = order.subList(from, Math.min(n, from + size));
      MtSmallData.HostBatch host = new MtSmallData.HostBatch(
          chunk.stream().map(h.lossSources()::get).toList(),
          chunk.stream().map(h.lossTargets()::get).toList());
      try (TensorScope scope = backend.scope()) {
        double mean = model.loss(MtSmallData.toDevice(backend, host), ForwardMode.eval()).item();
        sum += mean * host.targetTokens();
        tokens += host.targetTokens();
      }
    }
    return sum / tokens;
  }

  private Held readHeld(Split split) {
    ParallelCorpus corpus = corpora.held(split);
    List<String> sources = new ArrayList<>();
    List<String> references = new ArrayList<>();
    List<int[]> lossSources = new ArrayList<>();
    List<int[]> lossTargets = new ArrayList<>();
    for (var pair : corpus.pairs()) {
      sources.add(pair.source());
      references.add(pair.target());
      List<String> t = tokenizers.target().encode(pair.target());
      if (!pair.source().isBlank() && !t.isEmpty()) {
        lossSources.add(translator.encodeSource(pair.source()));
        lossTargets.add(targetVocabulary.encode(t, true).ids());
      }
    }
    return new Held(sources, references, lossSources, lossTargets);
  }

  @Override
  public void writeExtras(Path modelDir) throws IOException {
    tokenizers.save(modelDir);
    sourceVocabulary.save(modelDir.resolve(SOURCE_VOCABULARY));
    targetVocabulary.save(modelDir.resolve(TARGET_VOCABULARY));
  }
}
