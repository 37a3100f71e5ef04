package dev.seq2seq.task.classification;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.command.TaskCommand;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Registries;
import dev.seq2seq.recipe.DataConfig;
import dev.seq2seq.recipe.ModelConfig;
import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.task.classification.command.ClassifyCommand;
import dev.seq2seq.task.classification.command.CrossValidateCommand;
import dev.seq2seq.task.classification.data.CatalogueSourceConfig;
import dev.seq2seq.task.classification.data.FilesSourceConfig;
import dev.seq2seq.task.classification.data.SourceConfig;
import dev.seq2seq.task.classification.data.TsvSourceConfig;
import dev.seq2seq.train.Task;

/**
 * Contributes the {@code classification} task, its data sources ({@code catalogue}, {@code
 * files}, {@code tsv}) and the {@code classify} and {@code cross-validate} commands.
 */
public final class ClassificationPlugin implements Plugin {
  static final String NAME = "classification";

  @Override
  public String name() {
    return "task-classification";
  }

  @Override
  public String description() {
    return "classification: sentence classification with a recurrent encoder; classify,"
        + " cross-validate";
  }

  @Override
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        ConfigTypes.register(binder(), TaskConfig.class, NAME, ClassificationTaskConfig.class);
        ConfigTypes.register(binder(), DataConfig.class, NAME, ClassificationDataConfig.class);
        ConfigTypes.register(binder(), ModelConfig.class, NAME, ClassificationModelConfig.class);
        ConfigTypes.register(binder(), SourceConfig.class, "catalogue", CatalogueSourceConfig.class);
        ConfigTypes.register(binder(), SourceConfig.class, "files", FilesSourceConfig.class);
        ConfigTypes.register(binder(), SourceConfig.class, "tsv", TsvSourceConfig.class);
        Registries.register(binder(), Task.class, NAME, ClassificationTask.class);
        Registries.register(binder(), TaskCommand.class, "classify", ClassifyCommand.class);
        Registries.register(binder(), TaskCommand.class, "cross-validate",
            CrossValidateCommand.class);
      }
    };
  }
}
