package dev.seq2seq.train;

import dev.seq2seq.nn.Parameter;
import dev.seq2seq.optim.Adam;
import dev.seq2seq.optim.AdamW;
import dev.seq2seq.optim.LearningRateSchedule;
import dev.seq2seq.optim.Optimizer;
import dev.seq2seq.optim.ReduceOnPlateau;
import dev.seq2seq.optim.Sgd;
import dev.seq2seq.recipe.EarlyStoppingConfig;
import dev.seq2seq.recipe.optim.AdamConfig;
import dev.seq2seq.recipe.optim.AdamWConfig;
import dev.seq2seq.recipe.optim.ConstantSchedule;
import dev.seq2seq.recipe.optim.ExponentialSchedule;
import dev.seq2seq.recipe.optim.LrScheduleConfig;
import dev.seq2seq.recipe.optim.OptimizerConfig;
import dev.seq2seq.recipe.optim.PlateauSchedule;
import dev.seq2seq.recipe.optim.SgdConfig;
import dev.seq2seq.recipe.optim.StepSchedule;
import java.util.List;

/** Maps the recipe's optimiser and schedule sections to the core's classes. */
public final class Optimizers {
  private Optimizers() {}

  public static Optimizer create(OptimizerConfig config, List<Parameter> parameters) {
    if (config instanceof AdamConfig c) {
      return new Adam(parameters, c.lr(), c.beta1(), c.beta2(), c.eps(), c.weightDecay());
    }
    if (config instanceof AdamWConfig c) {
      return new AdamW(parameters, c.lr(), c.beta1(), c.beta2(), c.eps(), c.weightDecay());
    }
    if (config instanceof SgdConfig c) {
      return new Sgd(parameters, c.lr(), c.momentum(), 0, c.nesterov(), c.weightDecay());
    }
    throw new IllegalArgumentException("no optimiser for " + config.getClass().getName());
  }

  /**
   * The schedule with its warm-up. A plateau schedule watches the early-stopping metric in that
   * section's mode, with an absolute threshold of its {@code min_delta}.
   */
  public static LearningRateSchedule schedule(
      LrScheduleConfig config, double lr, EarlyStoppingConfig stopping) {
    LearningRateSchedule inner;
    if (config instanceof ConstantSchedule) {
      inner = LearningRateSchedule.constant(lr);
    } else if (config instanceof StepSchedule c) {
      inner = LearningRateSchedule.stepDecay(lr, c.stepSize(), c.gamma());
    } else if (config instanceof ExponentialSchedule c) {
      inner = LearningRateSchedule.exponential(lr, c.gamma());
    } else if (config instanceof PlateauSchedule c) {
      ReduceOnPlateau.Mode mode =
          stopping.mode() == EarlyStoppingConfig.Mode.MAX
              ? ReduceOnPlateau.Mode.MAX
              : ReduceOnPlateau.Mode.MIN;
      inner =
          new ReduceOnPlateau(
              lr, mode, c.factor(), c.patience(), stopping.minDelta(),
              ReduceOnPlateau.ThresholdMode.ABS, 0, c.minLr());
    } else {
      throw new IllegalArgumentException("no schedule for " + config.getClass().getName());
    }
    return LearningRateSchedule.linearWarmup(inner, config.warmupSteps());
  }
}
