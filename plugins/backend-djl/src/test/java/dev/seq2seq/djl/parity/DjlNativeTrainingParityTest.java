package dev.seq2seq.djl.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Parameter;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.optim.Adam;
import dev.seq2seq.optim.Optimizer;
import dev.seq2seq.toy.DigitData;
import dev.seq2seq.toy.ReverseDigitsModel;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 100 Adam steps of the kit's attentional encoder-decoder (bidirectional GRU encoder, additive
 * attention, padded batches) from the same initial weights on the same batches: djl's per-step
 * losses stay within 1% of native's. Small float differences compound through the updates, so
 * this bounds the drift of a whole training run, not only of one step.
 */
class DjlNativeTrainingParityTest {
  static final int STEPS = 100;

  @Test
  void lossesFollowNativeForAHundredSteps() {
    double[] djl = train(Backends.djl());
    double[] reference = train(Backends.reference());
    double worst = 0;
    for (int i = 0; i < STEPS; i++) {
      worst = Math.max(worst, Math.abs(djl[i] - reference[i]) / reference[i]);
    }
    System.out.printf("training parity: worst per-step loss difference %.2e (%d steps)%n",
        worst, STEPS);
    assertThat(worst).as("worst relative loss difference").isLessThan(0.01);
    // Training happened at all: the loss fell, so the comparison is not of two flat lines.
    assertThat(reference[STEPS - 1]).isLessThan(reference[0] * 0.8);
  }

  /** Per-step losses; each step in its own scope, as the trainer runs it. */
  static double[] train(Backend backend) {
    ParameterStore store = new ParameterStore(backend, 7);
    ReverseDigitsModel model = new ReverseDigitsModel(store, 16, 32);
    List<Parameter> parameters = List.copyOf(store.parameters().values());
    Optimizer optimizer = new Adam(parameters, 3e-3);
    DigitData data = new DigitData(3, 6, List.of());
    SplittableRandom rng = new SplittableRandom(3);
    double[] losses = new double[STEPS];
    for (int step = 0; step < STEPS; step++) {
      List<int[]> sequences = data.sample(rng, 16);
      optimizer.zeroGrad();
      try (TensorScope scope = backend.scope()) {
        DigitData.Batch batch = DigitData.batch(backend, sequences);
        try (GradientTape tape = backend.gradientTape()) {
          Tensor loss = model.loss(batch, ForwardMode.eval());
          tape.backward(loss);
          losses[step] = loss.item();
        }
        optimizer.step();
      }
    }
    return losses;
  }
}
