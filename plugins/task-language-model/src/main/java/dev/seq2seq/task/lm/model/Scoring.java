package dev.seq2seq.task.lm.model;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.task.lm.data.Window;
import java.util.List;

/** Summed negative log-likelihood of held-out blocks, the state carried from block to block. */
public final class Scoring {
  private Scoring() {}

  /** Total NLL in nats and the number of predictions it covers. */
  public record Nll(double sum, long count) {
    public double mean() {
      return sum / count;
    }
  }

  public static Nll score(LanguageModel model, List<Window> blocks) {
    Backend backend = model.backend();
    HostState state = null;
    double sum = 0;
    long count = 0;
    for (Window w : blocks) {
      try (TensorScope scope = backend.scope()) {
        Tensor ids = backend.ofInts(w.inputs(), w.streams(), w.steps());
        RecurrentState initial = state == null ? null : state.toBackend(backend);
        LanguageModel.Output out = model.forward(ids, w.lengths(), initial, ForwardMode.eval());
        Tensor targets = backend.ofInts(w.targets(), w.streams(), w.steps(), 1);
        float[] logProbs = out.logits().logSoftmax(2).takeAlongAxis(2, targets).toFloatArray();
        for (int s = 0; s < w.streams(); s++) {
          int valid = w.lengths() == null ? w.steps() : w.lengths()[s];
          for (int t = 0; t < valid; t++) {
            sum -= logProbs[s * w.steps() + t];
          }
          count += valid;
        }
        state = HostState.of(out.state());
      }
    }
    return new Nll(sum, count);
  }
}
