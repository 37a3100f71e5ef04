package dev.seq2seq.optim;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parameter bookkeeping, learning rate and state shared by the optimisers. */
abstract class AbstractOptimizer implements Optimizer {
  private final List<Parameter> parameters;
  private final Set<String> slotNames;
  final OptimizerState state = new OptimizerState();
  private double learningRate;

  AbstractOptimizer(List<Parameter> parameters, double learningRate, Set<String> slotNames) {
    this.parameters = List.copyOf(parameters);
    this.slotNames = Set.copyOf(slotNames);
    setLearningRate(learningRate);
  }

  @Override
  public final List<Parameter> parameters() {
    return parameters;
  }

  @Override
  public final void step() {
    for (Parameter p : parameters) {
      Tensor grad = p.grad();
      if (grad != null) {
        update(p, grad);
      }
    }
  }

  /** Updates one parameter in place from its gradient. */
  protected abstract void update(Parameter p, Tensor grad);

  @Override
  public final double learningRate() {
    return learningRate;
  }

  @Override
  public final void setLearningRate(double learningRate) {
    if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + learningRate);
    }
    this.learningRate = learningRate;
  }

  @Override
  public final Map<String, Tensor> state() {
    return state.snapshot();
  }

  @Override
  public final void loadState(Map<String, Tensor> saved) {
    state.load(saved, parameters, slotNames);
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
