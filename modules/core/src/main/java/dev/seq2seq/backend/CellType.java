package dev.seq2seq.backend;

import java.util.Locale;

/**
 * Recurrent cell types, with PyTorch's gate layouts (the rows of {@code weight_ih}/{@code
 * weight_hh} are the gates stacked in this order):
 *
 * <ul>
 *   <li>RNN: {@code h' = act(W_ih x + b_ih + W_hh h + b_hh)}
 *   <li>LSTM, gates {@code i, f, g, o}: {@code c' = f*c + i*g}, {@code h' = o*tanh(c')}
 *   <li>GRU, gates {@code r, z, n}: {@code n = tanh(W_in x + b_in + r*(W_hn h + b_hn))}, {@code
 *       h' = (1-z)*n + z*h}
 * </ul>
 */
public enum CellType {
  RNN_TANH(1),
  RNN_RELU(1),
  LSTM(4),
  GRU(3);

  private final int gates;

  CellType(int gates) {
    this.gates = gates;
  }

  /** How many hidden-size blocks the weight matrices stack. */
  public int gates() {
    return gates;
  }

  /** The recipe name: {@code rnn_tanh}, {@code rnn_relu}, {@code lstm}, {@code gru}. */
  public String shortName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CellType fromShortName(String name) {
    for (CellType t : values()) {
      if (t.shortName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown cell type '" + name + "' (expected rnn_tanh, rnn_relu, lstm or gru)");
  }
}
