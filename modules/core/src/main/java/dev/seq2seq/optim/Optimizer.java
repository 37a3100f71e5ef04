package dev.seq2seq.optim;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.Parameter;
import java.util.List;
import java.util.Map;

/** Updates parameters from their accumulated gradients. */
public interface Optimizer {

  List<Parameter> parameters();

  /** Applies one update from the current gradients (parameters without a gradient are skipped). */
  void step();

  /** Clears every parameter's gradient. */
  default void zeroGrad() {
    for (Parameter p : parameters()) {
      p.value().zeroGrad();
    }
  }

  double learningRate();

  void setLearningRate(double learningRate);

  /** The optimiser's state (moments, step count) as named tensors, for checkpoints. */
  Map<String, Tensor> state();

  /** Restores state written by {@link #state()}. */
  void loadState(Map<String, Tensor> state);
}
