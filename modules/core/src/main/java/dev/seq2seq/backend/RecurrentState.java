package dev.seq2seq.backend;

/**
 * Hidden state of a recurrent stack, laid out as PyTorch's {@code h_n}: {@code [layers *
 * directions, batch, hidden]}, index {@code layer * directions + direction}.
 *
 * @param h hidden state
 * @param c LSTM cell state (same shape), null for other cells
 */
public record RecurrentState(Tensor h, Tensor c) {
  public RecurrentState {
    if (h == null) {
      throw new IllegalArgumentException("hidden state must be set");
    }
  }
}
