package dev.seq2seq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.nn.Parameter;
import dev.seq2seq.optim.Adam;
import dev.seq2seq.optim.Optimizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end through the public API: a backend must let a small attentional GRU encoder-decoder
 * learn to reverse digit sequences (lengths 3..8, mixed within each batch) to at least 99% greedy
 * exact match on held-out sequences, within a time budget. Layers, variable-length recurrence,
 * attention masking, cross-entropy with padding, autograd, clipping and Adam must all be right for
 * this to pass.
 */
public abstract class ToyTaskConformance {

  /** The backend under test; the kit never closes it. */
  protected abstract Backend backend();

  /** The task's size and schedule; a slower backend may override to train longer. */
  protected ToyReversalTask.Config config() {
    return ToyReversalTask.Config.defaults();
  }

  /**
   * Limit on the process CPU time spent training, in seconds: 30 s on the two threads the
   * conformance backends use. CPU time rather than wall time, so that a build machine shared with
   * other jobs does not fail the test; wall time is printed.
   */
  protected double trainingCpuBudgetSeconds() {
    return 60;
  }

  protected Optimizer optimizer(List<Parameter> parameters) {
    return new Adam(parameters, config().learningRate());
  }

  @Test
  void learnsToReverseDigitSequences() {
    ToyReversalTask.Result result = new ToyReversalTask(config()).run(backend(), this::optimizer);
    System.out.printf(
        "toy reversal on %s: %.2f%% exact match after %d steps, loss %.4f, %.1f s (%.1f s CPU),"
            + " %d weights, validation %s%n",
        getClass().getSimpleName(),
        100 * result.accuracy(),
        result.steps(),
        result.finalLoss(),
        result.trainSeconds(),
        result.trainCpuSeconds(),
        result.parameters(),
        result.validation());
    assertThat(result.accuracy()).as("held-out exact match").isGreaterThanOrEqualTo(0.99);
    if (!Double.isNaN(result.trainCpuSeconds())) {
      assertThat(result.trainCpuSeconds())
          .as("training CPU seconds")
          .isLessThan(trainingCpuBudgetSeconds());
    }
  }
}
