package dev.seq2seq.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a fused recurrent layer stack, as PyTorch's {@code nn.RNN/LSTM/GRU} describe it.
 *
 * <p>Weights are passed to {@link Backend#recurrent} in {@link #weightNames()} order: for each
 * layer {@code l}, for each direction (forward, then {@code _reverse}): {@code weight_ih_l{l}}
 * {@code [gates*H, in]}, {@code weight_hh_l{l}} {@code [gates*H, H]}, {@code bias_ih_l{l}} {@code
 * [gates*H]}, {@code bias_hh_l{l}} {@code [gates*H]}.
 */
public record RecurrentSpec(
    CellType cell, int inputSize, int hiddenSize, int layers, boolean bidirectional) {

  public RecurrentSpec {
    if (cell == null) {
      throw new IllegalArgumentException("cell type must be set");
    }
    if (inputSize <= 0 || hiddenSize <= 0 || layers <= 0) {
      throw new IllegalArgumentException(
          "input size, hidden size and layers must be > 0: " + inputSize + ", " + hiddenSize
              + ", " + layers);
    }
  }

  public int directions() {
    return bidirectional ? 2 : 1;
  }

  /** Width of the output at each step: {@code directions * hiddenSize}. */
  public int outputSize() {
    return directions() * hiddenSize;
  }

  /** Input width of layer {@code l}. */
  public int layerInputSize(int layer) {
    return layer == 0 ? inputSize : outputSize();
  }

  /** PyTorch's parameter names, in the order {@link Backend#recurrent} takes the weights. */
  public List<String> weightNames() {
    List<String> names = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      for (int d = 0; d < directions(); d++) {
        String suffix = "_l" + l + (d == 1 ? "_reverse" : "");
        names.add("weight_ih" + suffix);
        names.add("weight_hh" + suffix);
        names.add("bias_ih" + suffix);
        names.add("bias_hh" + suffix);
      }
    }
    return names;
  }

  /** Shape of the weight at position {@code index} of {@link #weightNames()}. */
  public int[] weightShape(int index) {
    int layer = index / (4 * directions());
    int rows = cell.gates() * hiddenSize;
    return switch (index % 4) {
      case 0 -> new int[] {rows, layerInputSize(layer)};
      case 1 -> new int[] {rows, hiddenSize};
      default -> new int[] {rows};
    };
  }
}
