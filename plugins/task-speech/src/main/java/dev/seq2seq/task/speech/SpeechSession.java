package dev.seq2seq.task.speech;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.metric.CorpusMetric;
import dev.seq2seq.metric.MetricOptions;
import dev.seq2seq.nn.CtcDecoder;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.nn.VocabularyConstraint;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.recipe.TrainConfig;
import dev.seq2seq.task.speech.audio.Audio;
import dev.seq2seq.task.speech.audio.Resampler;
import dev.seq2seq.task.speech.audio.SpeedPerturbation;
import dev.seq2seq.task.speech.data.OutputUnits;
import dev.seq2seq.task.speech.data.Corpus;
import dev.seq2seq.task.speech.data.Utterance;
import dev.seq2seq.task.speech.features.Cmvn;
import dev.seq2seq.task.speech.features.FeatureExtractor;
import dev.seq2seq.task.speech.model.SpeechModel;
import dev.seq2seq.train.BatchPlan;
import dev.seq2seq.train.DataPosition;
import dev.seq2seq.train.TaskSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A speech recipe on one backend: the acoustic model, the utterances' features, CTC training and
 * scoring, and transcription of feature matrices for {@code seq2seq transcribe}.
 */
public final class SpeechSession implements TaskSession<SpeechSession.SpeechBatch> {
  /** A padded batch of features and their transcripts' labels. */
  public record SpeechBatch(Tensor features, int[] lengths, int[][] targets, long tokens)
      implements TaskSession.Batch {}

  /** One utterance ready for the model. */
  record Example(String id, float[][] features, int[] labels, String text, double seconds) {}

  private final Backend backend;
  private final Recipe recipe;
  private final SpeechDataConfig data;
  private final long seed;
  private final ParameterStore store;
  private final SpeechModel model;
  private final FeatureExtractor extractor;
  private final Map<String, CorpusMetric> metrics;
  private final Supplier<Corpus> corpus; // listed on first use: inference may never need it
  private final OutputUnits units;
  private final VocabularyConstraint lexicon; // null: no constraint on label sequences
  private Cmvn cmvn; // null unless data.global_cmvn
  private List<Example> train;
  private BatchPlan plan;
  private List<Example> validation;
  private List<Example> test;

  SpeechSession(Recipe recipe, Backend backend, Map<String, CorpusMetric> metrics,
      Supplier<Corpus> corpus, Cmvn cmvn) {
    this.backend = backend;
    this.recipe = recipe;
    this.data = (SpeechDataConfig) recipe.data();
    SpeechModelConfig m = (SpeechModelConfig) recipe.model();
    this.seed = recipe.seed();
    this.metrics = metrics;
    this.corpus = corpus;
    this.cmvn = cmvn;
    this.extractor = data.features().build(data.sampleRate());
    this.units = ((SpeechTaskConfig) recipe.task()).outputUnits();
    this.lexicon = units.constraint();
    this.store = new ParameterStore(backend, seed);
    this.model = new SpeechModel(store, new SpeechModel.Config(extractor.dims(), units.size(),
        m.cell(), m.hidden(), m.layers(), m.bidirectional(), m.dropout(), m.inputDropout(),
        m.outputDropout()), OutputUnits.BLANK);
  }

  /** Lists the corpus and computes the training and validation features (and global CMVN). */
  void prepareTraining() {
    Corpus c = corpus.get();
    List<Utterance> utterances = spread(c.train(), data.maxTrain());
    List<Example> rawTrain = new ArrayList<>();
    for (double speed : data.speedPerturb()) {
      rawTrain.addAll(featurize(utterances, "training", speed));
    }
    if (data.globalCmvn()) {
      cmvn = Cmvn.of(rawTrain.stream().map(Example::features).toList(), extractor.dims());
      rawTrain.forEach(e -> cmvn.apply(e.features()));
    }
    train = rawTrain;
    int[] sizes = new int[train.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = Math.max(1, train.get(i).features().length);
    }
    TrainConfig t = recipe.train();
    plan = BatchPlan.of(sizes, t.batchSize(), t.batchBy(), t.bucketing(), seed);
    validation = featurize(spread(c.validation(), data.maxValidation()), "validation");
  }

  public SpeechModel model() {
    return model;
  }

  public int sampleRate() {
    return data.sampleRate();
  }

  /** The decode section's beam (1: greedy). */
  public int defaultBeam() {
    return recipe.decode().beamSize();
  }

  /**
   * The model's input for {@code audio}: resampled to the recipe's rate, features, and the global
   * normalisation when the recipe uses one.
   */
  public float[][] features(Audio audio) {
    Audio a = audio.sampleRate() == data.sampleRate() ? audio
        : new Resampler(audio.sampleRate(), data.sampleRate()).apply(audio);
    float[][] x = extractor.apply(a);
    return cmvn == null ? x : cmvn.apply(x);
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
  public SpeechBatch batch(DataPosition position) {
    int[] members = plan.batch(position.epoch(), position.index());
    List<float[][]> xs = new ArrayList<>(members.length);
    int[][] targets = new int[members.length][];
    long tokens = 0;
    for (int k = 0; k < members.length; k++) {
      Example e = train.get(members[k]);
      float[][] x = e.features();
      if (data.specAugment().timeMasks() + data.specAugment().freqMasks() > 0) {
        // A generator per (epoch, utterance): the same position always gives the same batch.
        x = data.specAugment().apply(x, new SplittableRandom(
            seed ^ (position.epoch() * 0x9E3779B97F4A7C15L + members[k] * 0xC2B2AE3D27D4EB4FL)));
      }
      xs.add(x);
      targets[k] = e.labels();
      tokens += x.length;
    }
    int[] lengths = new int[members.length];
    Tensor features = pad(xs, lengths);
    return new SpeechBatch(features, lengths, targets, tokens);
  }

  @Override
  public Tensor loss(SpeechBatch batch, ForwardMode mode) {
    Tensor logits = model.logits(batch.features(), batch.lengths(), mode);
    return model.loss(logits, batch.lengths(), batch.targets());
  }

  @Override
  public Map<String, Double> metrics(Split split) {
    List<Example> examples = split == Split.TEST ? testExamples() : validation();
    CorpusMetric wer = metric("wer");
    CorpusMetric cer = metric("cer");
    List<String> hypotheses = new ArrayList<>(examples.size());
    List<String> references = new ArrayList<>(examples.size());
    double lossSum = 0;
    int correct = 0;
    int beam = recipe.decode().beamSize();
    int chunk = recipe.decode().batchSize();
    for (int from = 0; from < examples.size(); from += chunk) {
      List<Example> part = examples.subList(from, Math.min(examples.size(), from + chunk));
      List<float[][]> xs = part.stream().map(Example::features).toList();
      int[][] targets = part.stream().map(Example::labels).toArray(int[][]::new);
      Decoded d = decode(xs, beam, targets);
      lossSum += d.loss() * part.size();
      for (int i = 0; i < part.size(); i++) {
        hypotheses.add(d.texts().get(i));
        references.add(part.get(i).text());
        if (d.texts().get(i).equals(part.get(i).text())) {
          correct++;
        }
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("loss", lossSum / examples.size());
    out.put("wer", wer.score(hypotheses, List.of(references), MetricOptions.DEFAULTS).score());
    out.put("cer", cer.score(hypotheses, List.of(references), MetricOptions.DEFAULTS).score());
    out.put("accuracy", (double) correct / examples.size());
    return out;
  }

  /** Transcripts of feature matrices (from {@link #features}), decoded together. */
  public List<String> transcribe(List<float[][]> features, int beam) {
    return decode(features, beam, null).texts();
  }

  private record Decoded(List<String> texts, double loss) {}

  /** One padded forward pass and a CTC decode per utterance; the loss when targets are given. */
  private Decoded decode(List<float[][]> xs, int beam, int[][] targets) {
    List<String> texts = new ArrayList<>(xs.size());
    double loss = Double.NaN;
    try (TensorScope scope = backend.scope()) {
      int[] lengths = new int[xs.size()];
      Tensor x = pad(xs, lengths);
      Tensor logits = model.logits(x, lengths, ForwardMode.eval());
      if (targets != null) {
        loss = model.loss(logits, lengths, targets).item();
      }
      int time = logits.shape().dim(1);
      int classes = logits.shape().dim(2);
      float[] lp = logits.logSoftmax(2).toFloatArray();
      for (int b = 0; b < xs.size(); b++) {
        float[] rows = new float[lengths[b] * classes];
        System.arraycopy(lp, b * time * classes, rows, 0, rows.length);
        texts.add(units.decode(best(rows, lengths[b], classes, beam)));
      }
    }
    return new Decoded(texts, loss);
  }

  /**
   * Greedy for a beam of 1; otherwise the best prefix beam hypothesis, which with a lexicon must
   * end on a whole word (the best one that does, or the best overall if none does).
   */
  private int[] best(float[] rows, int frames, int classes, int beam) {
    if (beam <= 1) {
      return CtcDecoder.greedy(rows, frames, classes, OutputUnits.BLANK).labels();
    }
    List<CtcDecoder.Result> results =
        CtcDecoder.prefixBeam(rows, frames, classes, OutputUnits.BLANK, beam, lexicon);
    if (results.isEmpty()) {
      return new int[0];
    }
    if (lexicon != null) {
      List<CtcDecoder.Result> complete = lexicon.keepComplete(results);
      if (!complete.isEmpty()) {
        return complete.get(0).labels();
      }
    }
    return results.get(0).labels();
  }

  /** {@code [B, T, D]} zero-padded features; {@code lengths} receives each utterance's steps. */
  private Tensor pad(List<float[][]> xs, int[] lengths) {
    int dims = extractor.dims();
    int time = 1;
    for (int b = 0; b < xs.size(); b++) {
      lengths[b] = xs.get(b).length;
      time = Math.max(time, lengths[b]);
    }
    float[] host = new float[xs.size() * time * dims];
    for (int b = 0; b < xs.size(); b++) {
      float[][] x = xs.get(b);
      for (int t = 0; t < x.length; t++) {
        System.arraycopy(x[t], 0, host, (b * time + t) * dims, dims);
      }
    }
    return backend.of(host, xs.size(), time, dims);
  }

  private CorpusMetric metric(String name) {
    CorpusMetric m = metrics.get(name);
    if (m == null) {
      throw new IllegalStateException("the speech task scores with the '" + name + "' metric,"
          + " which no plugin registers (it comes with the metrics-text plugin; registered: "
          + String.join(", ", new java.util.TreeSet<>(metrics.keySet())) + ")");
    }
    return m;
  }

  private List<Example> validation() {
    if (validation == null) {
      validation = featurize(spread(corpus.get().validation(), data.maxValidation()), "validation");
    }
    return validation;
  }

  private List<Example> testExamples() {
    if (test == null) {
      test = featurize(spread(corpus.get().test(), data.maxTest()), "test");
    }
    return test;
  }

  private List<Example> featurize(List<Utterance> utterances, String split) {
    return featurize(utterances, split, 1.0);
  }

  /** Features of each utterance played at {@code speed} (1: as recorded). */
  private List<Example> featurize(List<Utterance> utterances, String split, double speed) {
    SpeedPerturbation perturb = new SpeedPerturbation(data.sampleRate(), speed);
    if (utterances.isEmpty()) {
      throw new IllegalStateException("the " + split + " split has no utterances");
    }
    List<Example> out = new ArrayList<>(utterances.size());
    for (Utterance u : utterances) {
      int[] labels = units.encode(u.text(), u.id());
      Audio audio;
      try {
        audio = perturb.apply(u.audio().load(data.sampleRate()));
      } catch (IOException e) {
        throw new UncheckedIOException(split + " utterance " + u.id() + ": " + e.getMessage(), e);
      }
      float[][] x = extractor.apply(audio);
      if (cmvn != null && !split.equals("training")) {
        cmvn.apply(x);
      }
      String id = speed == 1.0 ? u.id() : u.id() + " (speed " + perturb.actualSpeed() + ")";
      out.add(new Example(id, x, labels, u.text(), audio.seconds()));
    }
    return out;
  }

  /** At most {@code max} items spread evenly over the list (all when max is 0). */
  static <T> List<T> spread(List<T> items, int max) {
    if (max == 0 || items.size() <= max) {
      return items;
    }
    List<T> out = new ArrayList<>(max);
    for (int i = 0; i < max; i++) {
      out.add(items.get((int) ((long) i * items.size() / max)));
    }
    return out;
  }

  /** Total seconds of training audio (for throughput figures). */
  double trainingSeconds() {
    return train.stream().mapToDouble(Example::seconds).sum();
  }

  @Override
  public void writeExtras(Path modelDir) throws IOException {
    ModelExtras.write(modelDir, data, units, cmvn);
  }
}
