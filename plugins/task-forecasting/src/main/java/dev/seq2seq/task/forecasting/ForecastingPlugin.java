package dev.seq2seq.task.forecasting;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.command.TaskCommand;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Registries;
import dev.seq2seq.recipe.DataConfig;
import dev.seq2seq.recipe.ModelConfig;
import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.train.Task;

/** Contributes the {@code forecasting} task, its recipe sections and the {@code forecast} command. */
public final class ForecastingPlugin implements Plugin {
  static final String NAME = "forecasting";

  @Override
  public String name() {
    return "task-forecasting";
  }

  @Override
  public String description() {
    return "forecasting: recurrent multi-step forecasts of a time series (CSV), with baselines";
  }

  @Override
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        ConfigTypes.register(binder(), TaskConfig.class, NAME, ForecastTaskConfig.class);
        ConfigTypes.register(binder(), DataConfig.class, NAME, ForecastDataConfig.class);
        ConfigTypes.register(binder(), ModelConfig.class, NAME, ForecastModelConfig.class);
        Registries.register(binder(), Task.class, NAME, ForecastTask.class);
        Registries.register(binder(), TaskCommand.class, "forecast", ForecastCommand.class);
      }
    };
  }
}
