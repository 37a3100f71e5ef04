package dev.seq2seq.task.classification.model;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.loss.CrossEntropy;
import dev.seq2seq.nn.EncoderOutput;
import dev.seq2seq.nn.Embedding;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Linear;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.nn.RecurrentEncoder;
import dev.seq2seq.task.classification.ClassificationModelConfig;
import dev.seq2seq.task.classification.ClassificationModelConfig.Pooling;
import java.util.List;

/**
 * {@code Embedding -> (bi)RNN -> pooling over the valid steps -> dropout -> Linear}: logits over
 * the labels for a batch of token-id sentences. Parameters: {@code encoder.embedding.weight},
 * {@code encoder.rnn.*} (PyTorch's names) and {@code output.weight/bias}.
 */
public final class SentenceClassifier {
  /** Stands in for minus infinity when max-pooling, so padded steps never win. */
  private static final double MASKED = -1e9;

  private final ClassificationModelConfig config;
  private final Backend backend;
  private final RecurrentEncoder encoder;
  private final Linear output;
  private final CrossEntropy crossEntropy = new CrossEntropy(-1, 0.0);

  public SentenceClassifier(
      ParameterStore store, int vocabulary, int classes, int paddingIndex,
      ClassificationModelConfig config) {
    this.config = config;
    this.backend = store.backend();
    this.encoder = new RecurrentEncoder(store.child("encoder"), new RecurrentEncoder.Config(
        vocabulary, config.embedding(), paddingIndex, config.cell(),
        config.hidden(), config.layers(), config.bidirectional(), config.encoderDropout()));
    this.output = new Linear(store.child("output"), encoder.outputSize(), classes);
  }

  /**
   * Logits {@code [B, classes]} for sentences of at least one token each.
   *
   * @param sentences token ids, padded here to the longest
   */
  public Tensor logits(List<int[]> sentences, ForwardMode mode) {
    int batch = sentences.size();
    int time = 0;
    int[] lengths = new int[batch];
    for (int b = 0; b < batch; b++) {
      lengths[b] = sentences.get(b).length;
      if (lengths[b] == 0) {
        throw new IllegalArgumentException("sentence " + b + " of the batch has no tokens");
      }
      time = Math.max(time, lengths[b]);
    }
    int[] ids = new int[batch * time];
    int pad = encoder.embedding().paddingIndex() == Embedding.NO_PADDING
        ? 0 : encoder.embedding().paddingIndex();
    java.util.Arrays.fill(ids, pad);
    for (int b = 0; b < batch; b++) {
      System.arraycopy(sentences.get(b), 0, ids, b * time, lengths[b]);
    }
    EncoderOutput encoded = encoder.encode(backend.ofInts(ids, batch, time), lengths, mode);
    Tensor pooled = pool(encoded, config.pooling());
    return output.forward(mode.dropout(pooled, config.dropout()));
  }

  /** Mean cross-entropy of the logits against label indices. */
  public Tensor loss(Tensor logits, int[] labels) {
    return crossEntropy.loss(logits, backend.ofInts(labels.clone(), labels.length));
  }

  /** Width of the pooled sentence vector. */
  public int featureSize() {
    return encoder.outputSize();
  }

  private Tensor pool(EncoderOutput encoded, Pooling pooling) {
    int batch = encoded.batch();
    int time = encoded.time();
    switch (pooling) {
      case MAX -> {
        Tensor mask = encoded.mask().reshape(batch, time, 1);
        return encoded.states().maskedFill(mask, MASKED).max(1, false);
      }
      case MEAN -> {
        // States are zero at padded steps, so the sum covers the valid steps only.
        int[] lengths = encoded.lengths();
        float[] inverse = new float[batch];
        for (int b = 0; b < batch; b++) {
          inverse[b] = 1f / lengths[b];
        }
        return encoded.states().sum(1, false).mul(backend.of(inverse, batch, 1));
      }
      case FINAL -> {
        // h_n is [L*D, B, H]; the last layer's directions, side by side: [B, D*H].
        Tensor h = encoded.finalState().h();
        int directions = config.bidirectional() ? 2 : 1;
        int rows = h.shape().dim(0);
        Tensor last = h.slice(0, rows - directions, rows).transpose(0, 1);
        return last.reshape(batch, directions * config.hidden());
      }
      default -> throw new IllegalStateException("pooling " + pooling);
    }
  }
}
