package dev.seq2seq.task.translation;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.bench.Benchmark;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Registries;
import dev.seq2seq.command.TaskCommand;
import dev.seq2seq.recipe.DataConfig;
import dev.seq2seq.recipe.ModelConfig;
import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.task.translation.command.TranslateCommand;
import dev.seq2seq.task.translation.model.MtSmallNetworkConfig;
import dev.seq2seq.task.translation.model.NetworkConfig;
import dev.seq2seq.task.translation.model.RnnNetworkConfig;
import dev.seq2seq.train.Task;
import dev.seq2seq.task.translation.model.MtSmallBenchmark;
import dev.seq2seq.task.translation.text.BpeTokenizerConfig;
import dev.seq2seq.task.translation.text.CharTokenizerConfig;
import dev.seq2seq.task.translation.text.Tokenizer;
import dev.seq2seq.task.translation.text.TokenizerConfig;
import dev.seq2seq.task.translation.text.WordTokenizerConfig;

/**
 * The {@code translation} task: its recipe sections, tokenizers a recipe selects with {@code
 * tokenizer: {type: word}}, networks selected with {@code network: {type: rnn}}, the {@code
 * translate} command, and the {@code mt-small} benchmark.
 */
public final class TranslationPlugin implements Plugin {
  static final String NAME = "translation";

  @Override
  public String name() {
    return "task-translation";
  }

  @Override
  public String description() {
    return "translation: task, word/char/bpe tokenizers, mt-small and rnn networks, translate command, mt-small benchmark";
  }

  @Override
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        // Tokenizers are built from their config records (BPE must learn from the training
        // data first), so the registry of instances is declared for other plugins but the
        // built-in kinds are contributed as config types.
        Registries.registry(binder(), Tokenizer.class);
        ConfigTypes.register(binder(), TokenizerConfig.class, "word", WordTokenizerConfig.class);
        ConfigTypes.register(binder(), TokenizerConfig.class, "char", CharTokenizerConfig.class);
        ConfigTypes.register(binder(), TokenizerConfig.class, "bpe", BpeTokenizerConfig.class);
        Registries.register(binder(), Benchmark.class, "mt-small", MtSmallBenchmark.class);
        ConfigTypes.register(binder(), NetworkConfig.class, "mt-small", MtSmallNetworkConfig.class);
        ConfigTypes.register(binder(), NetworkConfig.class, "rnn", RnnNetworkConfig.class);
        ConfigTypes.register(binder(), TaskConfig.class, NAME, TranslationTaskConfig.class);
        ConfigTypes.register(binder(), DataConfig.class, NAME, TranslationDataConfig.class);
        ConfigTypes.register(binder(), ModelConfig.class, NAME, TranslationModelConfig.class);
        Registries.register(binder(), Task.class, NAME, TranslationTask.class);
        Registries.register(binder(), TaskCommand.class, "translate", TranslateCommand.class);
      }
    };
  }
}
