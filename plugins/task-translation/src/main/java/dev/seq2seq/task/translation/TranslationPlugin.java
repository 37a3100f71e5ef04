package dev.seq2seq.task.translation;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.bench.Benchmark;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Registries;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.task.translation.model.MtSmallBenchmark;
import dev.seq2seq.task.translation.text.BpeTokenizerConfig;
import dev.seq2seq.task.translation.text.CharTokenizerConfig;
import dev.seq2seq.task.translation.text.Tokenizer;
import dev.seq2seq.task.translation.text.TokenizerConfig;
import dev.seq2seq.task.translation.text.WordTokenizerConfig;

/**
 * The translation task's text side: tokenizers a recipe selects with {@code tokenizer: {type:
 * word}}, vocabularies and parallel-corpus reading; and the {@code mt-small} benchmark model. The
 * task itself comes later.
 */
public final class TranslationPlugin implements Plugin {

  @Override
  public String name() {
    return "task-translation";
  }

  @Override
  public String description() {
    return "translation text side: word, char and bpe tokenizers; mt-small benchmark";
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
      }
    };
  }
}
