package dev.seq2seq.task.speech.model;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.loss.Ctc;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Linear;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.nn.Recurrent;

/**
 * The CTC acoustic model: features {@code [B, T, D]} → recurrent stack → {@code Linear} → class
 * scores {@code [B, T, C]}. Parameter names are the asr-small peer's ({@code rnn.weight_ih_l0},
 * ..., {@code out.weight}), so its PyTorch weights load unchanged.
 */
public final class SpeechModel {

  /**
   * @param inputDims feature dimensions per step
   * @param classes output classes, CTC blank included
   */
  public record Config(int inputDims, int classes, CellType cell, int hidden, int layers,
      boolean bidirectional, double dropout, double inputDropout, double outputDropout) {}

  private final Config config;
  private final Recurrent rnn;
  private final Linear out;
  private final Ctc ctc;

  public SpeechModel(ParameterStore store, Config config, int blank) {
    this.config = config;
    RecurrentSpec spec = new RecurrentSpec(
        config.cell(), config.inputDims(), config.hidden(), config.layers(), config.bidirectional());
    this.rnn = new Recurrent(store.child("rnn"), spec, config.dropout());
    this.out = new Linear(store.child("out"), spec.outputSize(), config.classes());
    this.ctc = new Ctc(blank, true);
  }

  public Config config() {
    return config;
  }

  /** Unnormalised class scores {@code [B, T, C]}; rows past each length are not meaningful. */
  public Tensor logits(Tensor features, int[] lengths, ForwardMode mode) {
    Tensor x = mode.dropout(features, config.inputDropout());
    Tensor h = rnn.forward(x, lengths, null, mode).output();
    return out.forward(mode.dropout(h, config.outputDropout()));
  }

  /**
   * CTC loss as PyTorch's {@code ctc_loss(reduction="mean")} (the peer's): each utterance's
   * negative log-likelihood divided by its target length, averaged over the batch. Impossible
   * alignments (more labels than frames) count zero rather than infinity.
   */
  public Tensor loss(Tensor logits, int[] lengths, int[][] targets) {
    Tensor perUtterance = ctc.loss(logits, lengths, targets);
    double[] inverse = new double[targets.length];
    for (int b = 0; b < targets.length; b++) {
      inverse[b] = 1.0 / Math.max(1, targets[b].length);
    }
    Tensor weights = logits.backend().of(inverse, perUtterance.dtype(), targets.length);
    return perUtterance.mul(weights).mean();
  }
}
