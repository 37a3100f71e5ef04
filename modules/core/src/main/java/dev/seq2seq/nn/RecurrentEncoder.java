package dev.seq2seq.nn;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.Tensor;

/**
 * Token ids to contextual states: {@code Embedding -> dropout -> Recurrent}. Parameters: {@code
 * embedding.weight} and {@code rnn.weight_ih_l0} etc. under the store it is given.
 */
public final class RecurrentEncoder {

  /**
   * @param vocabulary source vocabulary size
   * @param embedding embedding width
   * @param paddingIndex padding token id, or {@link Embedding#NO_PADDING}
   * @param cell recurrent cell type
   * @param hidden hidden size per direction
   * @param layers stacked layers
   * @param bidirectional whether each layer also reads right to left
   * @param dropout applied to the embeddings and between recurrent layers while training
   */
  public record Config(
      int vocabulary,
      int embedding,
      int paddingIndex,
      CellType cell,
      int hidden,
      int layers,
      boolean bidirectional,
      double dropout) {

    public RecurrentSpec spec() {
      return new RecurrentSpec(cell, embedding, hidden, layers, bidirectional);
    }
  }

  private final Config config;
  private final Embedding embedding;
  private final Recurrent rnn;

  public RecurrentEncoder(ParameterStore store, Config config) {
    this.config = config;
    this.embedding =
        new Embedding(
            store.child("embedding"), config.vocabulary(), config.embedding(), config.paddingIndex());
    this.rnn = new Recurrent(store.child("rnn"), config.spec(), config.dropout());
  }

  /**
   * @param ids INT32 {@code [B, T]}, padded after each sequence's length
   * @param lengths valid tokens per sequence, each in {@code 0..T}
   * @return states {@code [B, T, D*H]} (zero at padding), the padding mask and the final state
   */
  public EncoderOutput encode(Tensor ids, int[] lengths, ForwardMode mode) {
    if (ids.dtype() != DType.INT32 || ids.shape().rank() != 2) {
      throw new IllegalArgumentException("encoder ids must be INT32 [B, T], got " + ids.shape());
    }
    int time = ids.shape().dim(1);
    Tensor mask = Batches.paddingMask(ids.backend(), lengths, time); // validates lengths
    Tensor x = mode.dropout(embedding.forward(ids), config.dropout()); // [B, T, E]
    RecurrentOutput out = rnn.forward(x, lengths, null, mode);
    return new EncoderOutput(out.output(), lengths, mask, out.state());
  }

  /** Width of each encoder state: directions × hidden. */
  public int outputSize() {
    return rnn.spec().outputSize();
  }

  public Config config() {
    return config;
  }

  public Embedding embedding() {
    return embedding;
  }

  public Recurrent rnn() {
    return rnn;
  }
}
