package dev.seq2seq.task.translation.model;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.loss.CrossEntropy;
import dev.seq2seq.nn.BeamSearch;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.Embedding;
import dev.seq2seq.nn.EncoderOutput;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.GreedyDecoding;
import dev.seq2seq.nn.Linear;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.nn.RecurrentCell;
import dev.seq2seq.nn.RecurrentEncoder;
import dev.seq2seq.nn.StateBridge;
import dev.seq2seq.nn.attention.AdditiveAttention;
import dev.seq2seq.nn.attention.AttentionKeys;
import dev.seq2seq.nn.attention.AttentionResult;
import dev.seq2seq.task.translation.text.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The mt-small benchmark network (BENCHMARKS.md), the same network as the PyTorch peer
 * {@code torch_seq2seq.py}: a bidirectional GRU encoder, {@code tanh(Linear)} bridge and a GRU
 * decoder with Bahdanau attention. Unlike the toy model, attention reads the <em>previous</em>
 * decoder state and the output layer also sees the input embedding:
 *
 * <pre>
 *   c_t   = attend(h_{t-1}, encoder states)
 *   h_t   = GRU([embed(y_{t-1}); c_t], h_{t-1})
 *   logit = W_out [h_t; c_t; embed(y_{t-1})] + b
 * </pre>
 *
 * <p>Embeddings have no padding row, as in the peer (padding is masked by the encoder lengths,
 * attention mask and loss instead), so the parameter count is the peer's exactly.
 */
public final class MtSmallModel {

  /** Layer sizes; {@link #spec} is the benchmark's. */
  public record Config(
      int sourceVocabulary, int targetVocabulary, int embedding, int encoderHidden,
      int decoderHidden, int attention) {

    public static Config spec(int sourceVocabulary, int targetVocabulary) {
      return new Config(sourceVocabulary, targetVocabulary, 256, 256, 512, 512);
    }
  }

  /** An encoded source batch: attention inputs and the decoder's initial state. */
  public record Source(AttentionKeys keys, RecurrentState start) {}

  /**
   * One decoder step's logits {@code [B, V]}, next state {@code [1, B, D]} and attention weights
   * {@code [B, S]}.
   */
  public record Step(Tensor logits, RecurrentState state, Tensor attention) {}

  private final Backend backend;
  private final Config config;
  private final RecurrentEncoder encoder;
  private final StateBridge bridge;
  private final Embedding targetEmbedding;
  private final AdditiveAttention attention;
  private final RecurrentCell cell;
  private final Linear output;
  private final CrossEntropy crossEntropy = new CrossEntropy(Vocabulary.PAD_ID, 0.0);

  public MtSmallModel(ParameterStore store, Config config) {
    this.backend = store.backend();
    this.config = config;
    this.encoder =
        new RecurrentEncoder(
            store.child("encoder"),
            new RecurrentEncoder.Config(
                config.sourceVocabulary(), config.embedding(), Embedding.NO_PADDING,
                CellType.GRU, config.encoderHidden(), 1, true, 0.0));
    int keys = encoder.outputSize(); // 2 * encoderHidden
    this.bridge =
        new StateBridge(
            store.child("bridge"), encoder.config().spec(), CellType.GRU, 1, config.decoderHidden());
    this.targetEmbedding =
        new Embedding(
            store.child("decoder.embedding"), config.targetVocabulary(), config.embedding(),
            Embedding.NO_PADDING);
    this.attention =
        new AdditiveAttention(
            store.child("decoder.attention"), config.decoderHidden(), keys, config.attention());
    this.cell =
        new RecurrentCell(
            store.child("decoder.rnn"), CellType.GRU, config.embedding() + keys,
            config.decoderHidden(), 1, 0.0);
    this.output =
        new Linear(
            store.child("decoder.output"), config.decoderHidden() + keys + config.embedding(),
            config.targetVocabulary());
  }

  public Config config() {
    return config;
  }

  /**
   * @param ids INT32 {@code [B, S]} source ids, padded after each length
   * @param lengths source lengths
   */
  public Source encode(Tensor ids, int[] lengths, ForwardMode mode) {
    EncoderOutput enc = encoder.encode(ids, lengths, mode); // [B, S, 2He]
    // Keys W_k·enc once per batch: every decoder step only adds its projected query.
    return new Source(attention.prepare(enc), bridge.apply(enc.finalState()));
  }

  /**
   * @param previous INT32 {@code [B]} previous target tokens
   * @param state decoder state {@code [1, B, D]}
   */
  public Step step(Tensor previous, RecurrentState state, AttentionKeys keys, ForwardMode mode) {
    return attendedStep(previous, state, keys, mode).step();
  }

  /** A step and the attention weights {@code [B, T]} it used. */
  private record Attended(Step step, Tensor weights) {}

  private Attended attendedStep(
      Tensor previous, RecurrentState state, AttentionKeys keys, ForwardMode mode) {
    Hidden h = hidden(previous, state, keys, mode);
    Tensor logits = output.forward(h.features()); // [B, V]
    return new Attended(new Step(logits, h.state(), h.weights()), h.weights());
  }

  /** A step up to the output layer: its input {@code [B, D + 2He + E]}, state and weights. */
  private record Hidden(Tensor features, RecurrentState state, Tensor weights) {}

  private Hidden hidden(Tensor previous, RecurrentState state, AttentionKeys keys, ForwardMode mode) {
    Tensor e = targetEmbedding.forward(previous); // [B, E]
    AttentionResult att = attention.attend(cell.top(state), keys); // context [B, 2He]
    Tensor x = Tensor.concat(List.of(e, att.context()), 1); // [B, E + 2He]
    RecurrentOutput rnn = cell.step(x, state, mode); // [B, D]
    Tensor features = Tensor.concat(List.of(rnn.output(), att.context(), e), 1);
    return new Hidden(features, rnn.state(), att.weights());
  }

  /**
   * Teacher-forced mean cross-entropy over the non-padding targets. The output layer runs once
   * over all steps rather than per step: the same numbers, but one weight gradient from one large
   * product instead of a {@code [V, F]} gradient per step summed (which cost more than the
   * products themselves).
   *
   * @param inputs per step INT32 {@code [B]}: {@code <s>} then the target tokens
   * @param targets INT32 {@code [B * T]} row-major: the next token at each step, padding ignored
   */
  public Tensor loss(Source source, List<Tensor> inputs, Tensor targets, ForwardMode mode) {
    RecurrentState state = source.start();
    List<Tensor> features = new ArrayList<>(inputs.size());
    for (Tensor previous : inputs) {
      Hidden h = hidden(previous, state, source.keys(), mode);
      features.add(h.features());
      state = h.state();
    }
    Tensor all = backend.stack(features, 1); // [B, T, F]
    int rows = targets.shape().dim(0);
    Tensor logits = output.forward(all.reshape(rows, all.shape().dim(2))); // [B * T, V]
    return crossEntropy.loss(logits, targets);
  }

  /**
   * Greedy decoding of one padded batch, stopping when every row has produced {@code </s>} or
   * after {@code maxSteps}. Runs in its own memory scope: the results are host arrays.
   *
   * @return per row the tokens before {@code </s>}
   */
  public List<int[]> greedy(Tensor ids, int[] lengths, int maxSteps) {
    try (TensorScope scope = backend.scope()) {
      Source source = encode(ids, lengths, ForwardMode.eval());
      return GreedyDecoding.decode(lengths.length, Vocabulary.BOS_ID, Vocabulary.EOS_ID, maxSteps,
          new GreedyDecoding.CompactingStep() {
            // The decoder state and the source rows the steps carry forward; finished sentences
            // leave both, so that they stop costing work.
            private RecurrentState state = source.start();
            private AttentionKeys keys = source.keys();

            @Override
            public int[] next(int[] previous) {
              Step step = step(backend.ofInts(previous, previous.length), state, keys,
                  ForwardMode.eval());
              state = step.state();
              return step.logits().argmax(1).toIntArray();
            }

            @Override
            public void keep(int[] rows) {
              state = new DecoderState(state, null, null).reorder(rows).rnn();
              keys = keys.reorder(rows);
            }
          });
    }
  }

  /**
   * Beam search over one padded batch (see {@link BeamSearch}). Runs in its own memory scope: the
   * results are host arrays.
   *
   * @param withAttention whether hypotheses carry attention weights (over each sentence's own
   *     source tokens, {@code <s>} and {@code </s>} included)
   * @return per sentence its n-best hypotheses, best first
   */
  public List<List<BeamSearch.Hypothesis>> beam(
      Tensor ids, int[] lengths, BeamSearch.Options options, boolean withAttention) {
    try (TensorScope scope = backend.scope()) {
      BeamDecoder decoder = new BeamDecoder(encode(ids, lengths, ForwardMode.eval()), lengths,
          withAttention);
      return BeamSearch.search(lengths, Vocabulary.BOS_ID, Vocabulary.EOS_ID,
          config.targetVocabulary(), options, decoder);
    }
  }

  /** The beam search step over this decoder: the state and the source rows follow the rows. */
  private final class BeamDecoder implements BeamSearch.Step {
    private final boolean withAttention;
    private final int[] sentenceLengths;
    private AttentionKeys keys;
    private RecurrentState state;
    private int[] sentence; // the sentence of each live row
    private float[][] attention;

    BeamDecoder(Source source, int[] lengths, boolean withAttention) {
      this.keys = source.keys();
      this.state = source.start();
      this.sentenceLengths = lengths.clone();
      this.withAttention = withAttention;
      this.sentence = new int[lengths.length];
      Arrays.setAll(sentence, i -> i);
    }

    @Override
    public float[] logProbs(int[] previous) {
      int rows = previous.length;
      Attended a = attendedStep(
          backend.ofInts(previous, rows), state, keys, ForwardMode.eval());
      state = a.step().state();
      if (withAttention) {
        float[] w = a.weights().toFloatArray();
        int time = keys.encoder().time();
        attention = new float[rows][];
        for (int r = 0; r < rows; r++) {
          attention[r] = Arrays.copyOfRange(w, r * time, r * time + sentenceLengths[sentence[r]]);
        }
      }
      return a.step().logits().logSoftmax(1).toFloatArray();
    }

    @Override
    public void reorder(int[] rows) {
      state = new DecoderState(state, null, null).reorder(rows).rnn();
      keys = keys.reorder(rows);
      int[] next = new int[rows.length];
      for (int k = 0; k < rows.length; k++) {
        next[k] = sentence[rows[k]];
      }
      sentence = next;
    }

    @Override
    public float[][] attention() {
      return attention;
    }
  }
}
