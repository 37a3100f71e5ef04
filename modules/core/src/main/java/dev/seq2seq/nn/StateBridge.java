package dev.seq2seq.nn;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an encoder's final state to a decoder's initial state: for each decoder layer, the matching
 * encoder layer's directions are concatenated ({@code [B, D*He]}) and projected, {@code h = tanh(W_h
 * [h_fwd; h_bwd] + b)}. Decoder layer {@code l} of {@code Ld} reads encoder layer {@code Le - Ld +
 * l} (the top layers), or the top encoder layer when the encoder is shallower. An LSTM decoder's
 * cell state is projected from the encoder's cell state when it has one, else starts at zero.
 * Parameters: {@code hidden.weight/bias} and, for LSTM-to-LSTM, {@code cell.weight/bias}.
 */
public final class StateBridge {
  private final RecurrentSpec encoder;
  private final int decoderLayers;
  private final int decoderHidden;
  private final Linear hidden;
  private final Linear cell;
  private final boolean decoderCellIsLstm;

  public StateBridge(
      ParameterStore store,
      RecurrentSpec encoder,
      CellType decoderCell,
      int decoderLayers,
      int decoderHidden) {
    this.encoder = encoder;
    this.decoderLayers = decoderLayers;
    this.decoderHidden = decoderHidden;
    this.hidden = new Linear(store.child("hidden"), encoder.outputSize(), decoderHidden);
    this.cell =
        decoderCell == CellType.LSTM && encoder.cell() == CellType.LSTM
            ? new Linear(store.child("cell"), encoder.outputSize(), decoderHidden)
            : null;
    this.decoderCellIsLstm = decoderCell == CellType.LSTM;
  }

  /** {@code [Le*De, B, He]} to {@code [Ld, B, Hd]}. */
  public RecurrentState apply(RecurrentState encoderFinal) {
    Tensor h = project(encoderFinal.h(), hidden).tanh();
    Tensor c = null;
    if (decoderCellIsLstm) {
      c = cell != null && encoderFinal.c() != null
          ? project(encoderFinal.c(), cell)
          : h.mul(0.0);
    }
    return new RecurrentState(h, c);
  }

  private Tensor project(Tensor state, Linear linear) {
    int d = encoder.directions();
    int layers = encoder.layers();
    int batch = state.shape().dim(1);
    List<Tensor> perLayer = new ArrayList<>(decoderLayers);
    for (int l = 0; l < decoderLayers; l++) {
      int source = Math.max(0, layers - decoderLayers + l);
      source = Math.min(source, layers - 1);
      // [D, B, He] -> [B, D, He] -> [B, D*He]: forward then reverse, as in the encoder outputs.
      Tensor directions = state.slice(0, source * d, (source + 1) * d).transpose(0, 1);
      perLayer.add(linear.forward(directions.reshape(batch, d * encoder.hiddenSize())));
    }
    return Tensor.concat(perLayer, 0).reshape(decoderLayers, batch, decoderHidden);
  }
}
