package dev.seq2seq.recipe;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.recipe.optim.AdamConfig;
import dev.seq2seq.recipe.optim.AdamWConfig;
import dev.seq2seq.recipe.optim.ConstantSchedule;
import dev.seq2seq.recipe.optim.ExponentialSchedule;
import dev.seq2seq.recipe.optim.LrScheduleConfig;
import dev.seq2seq.recipe.optim.OptimizerConfig;
import dev.seq2seq.recipe.optim.PlateauSchedule;
import dev.seq2seq.recipe.optim.SgdConfig;
import dev.seq2seq.recipe.optim.StepSchedule;

/** The config types every recipe can use: optimisers and learning-rate schedules. */
public final class RecipePlugin implements Plugin {
  @Override
  public String name() {
    return "recipe";
  }

  @Override
  public String description() {
    return "recipe sections: optimizers (adam, adamw, sgd) and lr schedules";
  }

  @Override
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        ConfigTypes.declare(binder());
        ConfigTypes.register(binder(), OptimizerConfig.class, "adam", AdamConfig.class);
        ConfigTypes.register(binder(), OptimizerConfig.class, "adamw", AdamWConfig.class);
        ConfigTypes.register(binder(), OptimizerConfig.class, "sgd", SgdConfig.class);
        ConfigTypes.register(binder(), LrScheduleConfig.class, "constant", ConstantSchedule.class);
        ConfigTypes.register(binder(), LrScheduleConfig.class, "step", StepSchedule.class);
        ConfigTypes.register(binder(), LrScheduleConfig.class, "exponential", ExponentialSchedule.class);
        ConfigTypes.register(binder(), LrScheduleConfig.class, "plateau", PlateauSchedule.class);
      }
    };
  }
}
