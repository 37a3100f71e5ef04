package dev.seq2seq.toy;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.loss.CrossEntropy;
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
import dev.seq2seq.nn.attention.Attention;
import dev.seq2seq.nn.attention.AttentionKeys;
import dev.seq2seq.nn.attention.AttentionResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A small attentional encoder-decoder built only from the public layers: a bidirectional GRU
 * encoder, a bridge to the decoder's initial state, and a GRU decoder with additive attention and
 * input feeding (the previous context is part of each step's input). Each step:
 *
 * <pre>
 *   h_t   = GRU([embed(y_{t-1}); c_{t-1}], h_{t-1})
 *   c_t   = attend(h_t, encoder states)
 *   logit = W_out [h_t; c_t] + b
 * </pre>
 *
 * <p>The conformance kit trains this same network on every backend ({@code ToyTaskConformance}),
 * so a change here is checked on all of them.
 */
public final class ReverseDigitsModel {
  private final Backend backend;
  private final RecurrentEncoder encoder;
  private final StateBridge bridge;
  private final Embedding targetEmbedding;
  private final RecurrentCell cell;
  private final Attention attention;
  private final Linear output;
  private final CrossEntropy crossEntropy = new CrossEntropy(DigitData.PAD, 0.0);

  /**
   * @param embedding source and target embedding width
   * @param hidden decoder hidden size and attention size; the encoder's two directions have half
   *     each, so encoder states are {@code hidden} wide too
   */
  public ReverseDigitsModel(ParameterStore store, int embedding, int hidden) {
    this.backend = store.backend();
    int vocabulary = DigitData.VOCABULARY;
    this.encoder =
        new RecurrentEncoder(
            store.child("encoder"),
            new RecurrentEncoder.Config(
                vocabulary, embedding, DigitData.PAD, CellType.GRU, hidden / 2, 1, true, 0.0));
    int keys = encoder.outputSize();
    this.bridge =
        new StateBridge(
            store.child("bridge"), encoder.config().spec(), CellType.GRU, 1, hidden);
    this.targetEmbedding =
        new Embedding(store.child("decoder.embedding"), vocabulary, embedding, DigitData.PAD);
    this.cell =
        new RecurrentCell(store.child("decoder.rnn"), CellType.GRU, embedding + keys, hidden, 1, 0);
    this.attention = new AdditiveAttention(store.child("decoder.attention"), hidden, keys, hidden);
    this.output = new Linear(store.child("decoder.output"), hidden + keys, vocabulary);
  }

  /** Encodes a source batch and prepares the attention keys once. */
  public Source encode(Tensor ids, int[] lengths, ForwardMode mode) {
    EncoderOutput enc = encoder.encode(ids, lengths, mode);
    AttentionKeys keys = attention.prepare(enc);
    Tensor context = backend.zeros(DType.FLOAT32, enc.batch(), enc.hidden());
    DecoderState start = new DecoderState(bridge.apply(enc.finalState()), context, null);
    return new Source(keys, start);
  }

  /** An encoded source: attention keys and the decoder's initial state. */
  public record Source(AttentionKeys keys, DecoderState start) {}

  /** One decoder step. */
  public record Step(Tensor logits, DecoderState state) {}

  /**
   * @param previous INT32 {@code [B]} previous tokens
   * @return logits {@code [B, V]} and the next state
   */
  public Step step(Tensor previous, DecoderState state, AttentionKeys keys, ForwardMode mode) {
    Tensor x = Tensor.concat(List.of(targetEmbedding.forward(previous), state.context()), 1);
    RecurrentOutput rnn = cell.step(x, state.rnn(), mode); // [B, H]
    AttentionResult att = attention.attend(rnn.output(), keys); // [B, K], [B, S]
    Tensor logits = output.forward(Tensor.concat(List.of(rnn.output(), att.context()), 1));
    return new Step(logits, new DecoderState(rnn.state(), att.context(), att.weights()));
  }

  /** Teacher-forced mean cross-entropy over the non-padding targets. */
  public Tensor loss(DigitData.Batch batch, ForwardMode mode) {
    Source source = encode(batch.source(), batch.sourceLengths(), mode);
    DecoderState state = source.start();
    List<Tensor> logits = new ArrayList<>(batch.steps());
    for (Tensor previous : batch.decoderInputs()) {
      Step step = step(previous, state, source.keys(), mode);
      logits.add(step.logits());
      state = step.state();
    }
    Tensor all = backend.stack(logits, 1); // [B, T, V]
    int rows = batch.targets().shape().dim(0);
    return crossEntropy.loss(all.reshape(rows, DigitData.VOCABULARY), batch.targets());
  }

  /**
   * Greedy decoding: each output stops at EOS or after {@code maxSteps} tokens. Runs in its own
   * memory scope: the results are host arrays, so every tensor of the search can be freed.
   */
  public List<int[]> greedy(List<int[]> sources, int maxSteps) {
    try (TensorScope scope = backend.scope()) {
      return decodeGreedily(sources, maxSteps);
    }
  }

  private List<int[]> decodeGreedily(List<int[]> sources, int maxSteps) {
    int batch = sources.size();
    int[] lengths = new int[batch];
    Tensor ids = DigitData.sources(backend, sources, lengths);
    Source source = encode(ids, lengths, ForwardMode.eval());
    DecoderState[] state = {source.start()}; // the decoder state the steps carry forward
    return GreedyDecoding.decode(batch, DigitData.BOS, DigitData.EOS, maxSteps, previous -> {
      Step step =
          step(backend.ofInts(previous, batch), state[0], source.keys(), ForwardMode.eval());
      state[0] = step.state();
      return step.logits().argmax(1).toIntArray();
    });
  }
}
