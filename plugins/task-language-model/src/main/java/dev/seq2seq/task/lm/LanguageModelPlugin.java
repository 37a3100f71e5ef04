package dev.seq2seq.task.lm;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.command.TaskCommand;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Registries;
import dev.seq2seq.recipe.DataConfig;
import dev.seq2seq.recipe.ModelConfig;
import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.task.lm.text.DatasetTextConfig;
import dev.seq2seq.task.lm.text.FileTextConfig;
import dev.seq2seq.task.lm.text.TextSourceConfig;
import dev.seq2seq.train.Task;

/** Contributes the {@code language-model} task, its recipe sections and {@code seq2seq generate}. */
public final class LanguageModelPlugin implements Plugin {
  static final String NAME = "language-model";

  @Override
  public String name() {
    return "task-language-model";
  }

  @Override
  public String description() {
    return "language-model: character- and word-level recurrent language models; generate";
  }

  @Override
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        ConfigTypes.register(binder(), TaskConfig.class, NAME, LmTaskConfig.class);
        ConfigTypes.register(binder(), DataConfig.class, NAME, LmDataConfig.class);
        ConfigTypes.register(binder(), ModelConfig.class, NAME, LmModelConfig.class);
        ConfigTypes.register(binder(), TextSourceConfig.class, "dataset", DatasetTextConfig.class);
        ConfigTypes.register(binder(), TextSourceConfig.class, "file", FileTextConfig.class);
        Registries.register(binder(), Task.class, NAME, LanguageModelTask.class);
        Registries.register(binder(), TaskCommand.class, GenerateCommand.NAME, GenerateCommand.class);
      }
    };
  }
}
