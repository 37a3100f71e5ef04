package dev.seq2seq.task.lm;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.loss.CrossEntropy;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.recipe.TrainConfig;
import dev.seq2seq.task.lm.data.EvalLayout;
import dev.seq2seq.task.lm.data.StreamLayout;
import dev.seq2seq.task.lm.data.Window;
import dev.seq2seq.task.lm.model.HostState;
import dev.seq2seq.task.lm.model.LanguageModel;
import dev.seq2seq.task.lm.model.Scoring;
import dev.seq2seq.task.lm.text.Vocabulary;
import dev.seq2seq.train.DataPosition;
import dev.seq2seq.train.TaskSession;
import dev.seq2seq.weights.HostTensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A language model and its text for one recipe.
 *
 * <p><b>Carried state and exact resumption.</b> Window {@code i} of an epoch continues where
 * window {@code i - 1} stopped ({@link StreamLayout}), so {@link #loss} starts from the state the
 * previous window ended in, copied to the host and thereby detached (gradients never cross a
 * window boundary). {@link #batch} stays a pure function of the position: the layout is the same
 * every epoch and the state is not part of the batch. The state is reset to zeros at every epoch
 * start, and the trainer saves it with each checkpoint ({@link #carriedState}) together with the
 * position it leads into, so a resumed run continues from exactly the state an uninterrupted run
 * had. If the state does not belong to the batch's position (a checkpoint from before the state
 * was saved, or a diverged step whose state was not finite), the window starts from zeros, which
 * is again the same in the uninterrupted and the resumed run.
 */
final class LmSession implements TaskSession<LmSession.LmBatch> {
  static final String VOCABULARY_FILE = "vocabulary.json";

  /** One training window and where it sits in training. */
  record LmBatch(DataPosition position, Window window) implements TaskSession.Batch {
    @Override
    public long tokens() {
      return window.tokens();
    }
  }

  private final Backend backend;
  private final LmDataConfig data;
  private final Vocabulary vocabulary;
  private final ParameterStore store;
  private final LanguageModel model;
  private final CrossEntropy crossEntropy = new CrossEntropy(-1, 0.0);
  private final StreamLayout layout; // null for a model loaded for inference
  private LmCorpus corpus; // read lazily for a loaded model, only when it is scored
  private HostState carried; // the state the last training window ended in, or null
  private DataPosition carriedInto; // the position that state leads into

  private LmSession(Recipe recipe, Backend backend, Vocabulary vocabulary, LmCorpus corpus) {
    this.backend = backend;
    this.data = (LmDataConfig) recipe.data();
    this.vocabulary = vocabulary;
    this.corpus = corpus;
    LmModelConfig m = (LmModelConfig) recipe.model();
    this.store = new ParameterStore(backend, recipe.seed());
    this.model = new LanguageModel(store, new LanguageModel.Config(vocabulary.size(), m.cell(),
        m.embedding(), m.hidden(), m.layers(), m.dropout(), m.tieWeights()));
    if (corpus == null) {
      this.layout = null;
    } else {
      TrainConfig train = recipe.train();
      if (train.batchBy() != TrainConfig.BatchBy.SENTENCES) {
        throw new IllegalArgumentException("train.batch_by: tokens does not apply to the"
            + " language-model task; train.batch_size is the number of parallel text streams");
      }
      this.layout = new StreamLayout(
          vocabulary.encode(corpus.train()), train.batchSize(), data.bptt());
    }
  }

  /** Reads the text and builds the vocabulary from its training part. */
  static LmSession forTraining(Recipe recipe, Backend backend) throws IOException {
    LmDataConfig data = (LmDataConfig) recipe.data();
    LmCorpus corpus = LmCorpus.load(data);
    Vocabulary vocabulary = Vocabulary.build(
        LmCorpus.tokens(data.level()), corpus.train(), data.minCount(), data.maxVocabulary());
    return new LmSession(recipe, backend, vocabulary, corpus);
  }

  /** The model of a package, its vocabulary read from {@code modelDir}. */
  static LmSession forModel(Recipe recipe, Backend backend, Path modelDir) throws IOException {
    LmDataConfig data = (LmDataConfig) recipe.data();
    Path file = modelDir.resolve(VOCABULARY_FILE);
    Vocabulary vocabulary = Vocabulary.load(file);
    if (vocabulary.level() != LmCorpus.tokens(data.level())) {
      throw new IOException(file + " is a " + vocabulary.level() + "-level vocabulary, but the"
          + " recipe says data.level: " + data.level());
    }
    return new LmSession(recipe, backend, vocabulary, null);
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  LanguageModel model() {
    return model;
  }

  @Override
  public ParameterStore parameters() {
    return store;
  }

  @Override
  public long batchesPerEpoch() {
    return training().windows();
  }

  @Override
  public LmBatch batch(DataPosition position) {
    return new LmBatch(position, training().window(Math.toIntExact(position.index())));
  }

  @Override
  public Tensor loss(LmBatch batch, ForwardMode mode) {
    Window w = batch.window();
    RecurrentState initial = batch.position().index() > 0 && carried != null
        && batch.position().equals(carriedInto) ? carried.toBackend(backend) : null;
    Tensor ids = backend.ofInts(w.inputs(), w.streams(), w.steps());
    LanguageModel.Output out = model.forward(ids, null, initial, mode);
    HostState next = HostState.of(out.state());
    carried = next.isFinite() ? next : null;
    carriedInto = batch.position().next();
    Tensor logits = out.logits().reshape(w.streams() * w.steps(), vocabulary.size());
    return crossEntropy.loss(logits, backend.ofInts(w.targets(), w.streams() * w.steps()));
  }

  @Override
  public Map<String, Double> metrics(Split split) {
    LmCorpus c = corpus();
    int[] ids = vocabulary.encode(split == Split.TEST ? c.test() : c.validation());
    Scoring.Nll nll = Scoring.score(model, EvalLayout.blocks(ids, data.evalStreams(), data.bptt()));
    return LmMetrics.of(nll.sum(), nll.count(), data.level());
  }

  @Override
  public void writeExtras(Path modelDir) throws IOException {
    vocabulary.save(modelDir.resolve(VOCABULARY_FILE));
  }

  @Override
  public Map<String, HostTensor> carriedState() {
    if (carried == null) {
      return Map.of();
    }
    Map<String, HostTensor> out = new LinkedHashMap<>();
    out.put("h", HostTensor.ofFloats(carried.h(), carried.shape()));
    if (carried.c() != null) {
      out.put("c", HostTensor.ofFloats(carried.c(), carried.shape()));
    }
    out.put("into", HostTensor.ofLongs(
        new long[] {carriedInto.epoch(), carriedInto.index()}, 2));
    return out;
  }

  @Override
  public void restoreCarriedState(Map<String, HostTensor> state) {
    if (state.isEmpty()) {
      carried = null;
      carriedInto = null;
      return;
    }
    HostTensor h = state.get("h");
    HostTensor into = state.get("into");
    if (h == null || into == null || (model.hasCellState() != state.containsKey("c"))) {
      throw new IllegalStateException("the checkpoint's carried state " + state.keySet()
          + " does not fit this " + model.config().cell() + " model");
    }
    int[] expected = model.stateShape(training().streams());
    if (!Arrays.equals(h.shape(), expected)) {
      throw new IllegalStateException("the checkpoint's carried state has shape "
          + Arrays.toString(h.shape()) + ", the recipe's model and train.batch_size need "
          + Arrays.toString(expected) + "; a resumed run must keep them");
    }
    long[] position = into.toLongArray();
    carried = new HostState(h.toFloatArray(),
        state.containsKey("c") ? state.get("c").toFloatArray() : null, expected);
    carriedInto = new DataPosition(position[0], position[1]);
  }

  private StreamLayout training() {
    if (layout == null) {
      throw new IllegalStateException("a model loaded for inference has no training data");
    }
    return layout;
  }

  private LmCorpus corpus() {
    if (corpus == null) {
      try {
        corpus = LmCorpus.load(data);
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
    return corpus;
  }
}
