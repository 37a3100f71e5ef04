package dev.seq2seq.task.toy;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Registries;
import dev.seq2seq.recipe.DataConfig;
import dev.seq2seq.recipe.ModelConfig;
import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.train.Task;

/** Contributes the {@code reverse-digits} task and its recipe sections. */
public final class ToyPlugin implements Plugin {
  static final String NAME = "reverse-digits";

  @Override
  public String name() {
    return "task-toy";
  }

  @Override
  public String description() {
    return "reverse-digits: a synthetic task that trains in seconds";
  }

  @Override
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        ConfigTypes.register(binder(), TaskConfig.class, NAME, ToyTaskConfig.class);
        ConfigTypes.register(binder(), DataConfig.class, NAME, ToyDataConfig.class);
        ConfigTypes.register(binder(), ModelConfig.class, NAME, ToyModelConfig.class);
        Registries.register(binder(), Task.class, NAME, ReverseDigitsTask.class);
      }
    };
  }
}
