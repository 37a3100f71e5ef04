package dev.seq2seq.task.translation.model;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.loss.CrossEntropy;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.Embedding;
import dev.seq2seq.nn.EncoderOutput;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Init;
import dev.seq2seq.nn.Linear;
import dev.seq2seq.nn.Parameter;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.nn.RecurrentCell;
import dev.seq2seq.nn.RecurrentEncoder;
import dev.seq2seq.nn.StateBridge;
import dev.seq2seq.nn.attention.AdditiveAttention;
import dev.seq2seq.nn.attention.Attention;
import dev.seq2seq.nn.attention.AttentionKeys;
import dev.seq2seq.nn.attention.AttentionResult;
import dev.seq2seq.nn.attention.DotAttention;
import dev.seq2seq.nn.attention.GeneralAttention;
import dev.seq2seq.task.translation.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * The configurable attention encoder-decoder of {@link RnnNetworkConfig}. One decoder step:
 *
 * <pre>
 *   x_t   = [dropout(embed(y_{t-1})); a_{t-1}]          (a_{t-1}: input feeding, zeros at t = 0)
 *   h_t   = RNN(x_t, h_{t-1})                           (stacked, dropout between layers)
 *   c_t   = attend(h_t, dropout(encoder states))
 *   a_t   = tanh(W_c [h_t; c_t])                        (the attentional vector)
 *   logit = W_out dropout(a_t) + b                      (W_out = target embeddings when tied)
 * </pre>
 *
 * The decoder starts from {@code tanh(Linear)} of the encoder's final states ({@link StateBridge}).
 */
final class RnnTranslationModel implements TranslationModel {
  private final Backend backend;
  private final RnnNetworkConfig config;
  private final int targetVocabulary;
  private final RecurrentEncoder encoder;
  private final StateBridge bridge;
  private final Embedding targetEmbedding;
  private final RecurrentCell cell;
  private final Attention attention;
  private final Linear combine;
  private final Linear output; // null when tied
  private final Parameter outputBias; // only when tied
  private final CrossEntropy train;
  private final CrossEntropy eval = new CrossEntropy(Vocabulary.PAD_ID, 0.0);

  RnnTranslationModel(
      ParameterStore store, RnnNetworkConfig config, int sourceVocabulary, int targetVocabulary,
      double labelSmoothing) {
    this.backend = store.backend();
    this.config = config;
    this.targetVocabulary = targetVocabulary;
    this.encoder =
        new RecurrentEncoder(
            store.child("encoder"),
            new RecurrentEncoder.Config(
                sourceVocabulary, config.embedding(), Embedding.NO_PADDING, config.cell(),
                config.encoderHidden(), config.encoderLayers(), config.bidirectional(),
                config.dropout()));
    this.bridge =
        new StateBridge(
            store.child("bridge"), encoder.config().spec(), config.cell(), config.decoderLayers(),
            config.decoderHidden());
    this.targetEmbedding =
        new Embedding(
            store.child("decoder.embedding"), targetVocabulary, config.embedding(),
            Embedding.NO_PADDING);
    int feed = config.inputFeeding() ? config.attentionalSize() : 0;
    this.cell =
        new RecurrentCell(
            store.child("decoder.rnn"), config.cell(), config.embedding() + feed,
            config.decoderHidden(), config.decoderLayers(), config.dropout());
    ParameterStore att = store.child("decoder.attention");
    this.attention =
        switch (config.attention()) {
          case "additive" ->
              new AdditiveAttention(att, config.decoderHidden(), config.keySize(), config.attentionSize());
          case "general" -> new GeneralAttention(att, config.decoderHidden(), config.keySize());
          case "dot" -> new DotAttention(config.keySize());
          default -> throw new IllegalArgumentException("unknown attention " + config.attention());
        };
    this.combine =
        new Linear(
            store.child("decoder.combine"), config.decoderHidden() + config.keySize(),
            config.attentionalSize(), false);
    if (config.tieEmbeddings()) {
      this.output = null;
      this.outputBias = store.child("decoder.output").create("bias", Init.zeros(), targetVocabulary);
    } else {
      this.output =
          new Linear(store.child("decoder.output"), config.attentionalSize(), targetVocabulary);
      this.outputBias = null;
    }
    this.train = new CrossEntropy(Vocabulary.PAD_ID, labelSmoothing);
  }

  /** Encoder states (dropped out when training) as attention keys, and the start state. */
  private record Source(AttentionKeys keys, DecoderState start) {}

  private Source encode(Tensor ids, int[] lengths, ForwardMode mode) {
    EncoderOutput enc = encoder.encode(ids, lengths, mode);
    EncoderOutput dropped =
        new EncoderOutput(
            mode.dropout(enc.states(), config.dropout()), enc.lengths(), enc.mask(),
            enc.finalState());
    int batch = lengths.length;
    Tensor feed =
        config.inputFeeding()
            ? backend.zeros(DType.FLOAT32, batch, config.attentionalSize())
            : null;
    return new Source(attention.prepare(dropped), new DecoderState(bridge.apply(enc.finalState()), feed, null));
  }

  /** One step: logits {@code [B, V]} and the next state (attentional vector, weights). */
  private record Step(Tensor logits, DecoderState state) {}

  /** A step up to the output layer: its (dropped-out) input {@code [B, A]} and the next state. */
  private record Hidden(Tensor features, DecoderState state) {}

  private Step step(Tensor previous, DecoderState state, AttentionKeys keys, ForwardMode mode) {
    Hidden h = hidden(previous, state, keys, mode);
    return new Step(project(h.features()), h.state());
  }

  private Hidden hidden(Tensor previous, DecoderState state, AttentionKeys keys, ForwardMode mode) {
    Tensor e = mode.dropout(targetEmbedding.forward(previous), config.dropout()); // [B, E]
    Tensor x = config.inputFeeding() ? Tensor.concat(List.of(e, state.context()), 1) : e;
    RecurrentOutput rnn = cell.step(x, state.rnn(), mode); // [B, D]
    AttentionResult att = attention.attend(rnn.output(), keys); // [B, Hk]
    Tensor a = combine.forward(Tensor.concat(List.of(rnn.output(), att.context()), 1)).tanh();
    Tensor dropped = mode.dropout(a, config.dropout());
    return new Hidden(dropped, new DecoderState(rnn.state(), config.inputFeeding() ? a : null, att.weights()));
  }

  /** Output scores {@code [N, V]} of attentional vectors {@code [N, A]}. */
  private Tensor project(Tensor features) {
    return output != null
        ? output.forward(features)
        : features.matmul(targetEmbedding.weight().value().transpose(0, 1)).add(outputBias.value());
  }

  /**
   * Teacher-forced loss. The output layer runs once over all steps rather than per step: the
   * same numbers, but one weight gradient from one large product instead of a {@code [V, A]}
   * gradient per step summed.
   */
  @Override
  public Tensor loss(MtSmallData.DeviceBatch batch, ForwardMode mode) {
    Source source = encode(batch.source(), batch.lengths(), mode);
    DecoderState state = source.start();
    List<Tensor> features = new ArrayList<>(batch.inputs().size());
    for (Tensor previous : batch.inputs()) {
      Hidden h = hidden(previous, state, source.keys(), mode);
      features.add(h.features());
      state = h.state();
    }
    Tensor all = backend.stack(features, 1); // [B, T, A]
    int rows = batch.targets().shape().dim(0);
    Tensor logits = project(all.reshape(rows, all.shape().dim(2))); // [B * T, V]
    return (mode.training() ? train : eval).loss(logits, batch.targets());
  }

  @Override
  public Decoder decoder(Tensor ids, int[] lengths) {
    Source source = encode(ids, lengths, ForwardMode.eval());
    return new Decoder() {
      private DecoderState state = source.start();
      private AttentionKeys keys = source.keys();

      @Override
      public float[] logProbs(int[] previous) {
        Tensor prev = backend.ofInts(previous.clone(), previous.length);
        Step step = step(prev, state, keys, ForwardMode.eval());
        state = step.state();
        return step.logits().logSoftmax(1).toFloatArray();
      }

      @Override
      public void reorder(int[] rows) {
        state = state.reorder(rows);
        keys = keys.reorder(rows);
      }

      @Override
      public float[][] attention() {
        return Attentions.rows(state.attention(), keys.encoder().lengths());
      }
    };
  }
}
