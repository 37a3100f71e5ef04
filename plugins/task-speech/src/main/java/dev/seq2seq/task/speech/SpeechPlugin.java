package dev.seq2seq.task.speech;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.bench.Benchmark;
import dev.seq2seq.command.TaskCommand;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Registries;
import dev.seq2seq.recipe.DataConfig;
import dev.seq2seq.recipe.ModelConfig;
import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.task.speech.bench.AsrSmallBenchmark;
import dev.seq2seq.task.speech.data.ConnectedCorpusConfig;
import dev.seq2seq.task.speech.data.CorpusConfig;
import dev.seq2seq.task.speech.data.FsddCorpusConfig;
import dev.seq2seq.task.speech.data.ManifestCorpusConfig;
import dev.seq2seq.task.speech.features.FeaturesConfig;
import dev.seq2seq.task.speech.features.LogMelConfig;
import dev.seq2seq.task.speech.features.MfccConfig;
import dev.seq2seq.task.speech.transcribe.TranscribeCommand;
import dev.seq2seq.train.Task;

/**
 * The {@code speech} task: its recipe sections, the feature kinds ({@code log_mel}, {@code mfcc})
 * and corpora ({@code fsdd}, {@code fsdd_connected}, {@code manifest}) a recipe selects by type.
 */
public final class SpeechPlugin implements Plugin {
  static final String NAME = "speech";

  @Override
  public String name() {
    return "task-speech";
  }

  @Override
  public String description() {
    return "speech: CTC speech-to-text from audio (WAV, log-mel/MFCC, FSDD and JSONL corpora)";
  }

  @Override
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        ConfigTypes.register(binder(), FeaturesConfig.class, "log_mel", LogMelConfig.class);
        ConfigTypes.register(binder(), FeaturesConfig.class, "mfcc", MfccConfig.class);
        ConfigTypes.register(binder(), CorpusConfig.class, "fsdd", FsddCorpusConfig.class);
        ConfigTypes.register(binder(), CorpusConfig.class, "fsdd_connected", ConnectedCorpusConfig.class);
        ConfigTypes.register(binder(), CorpusConfig.class, "manifest", ManifestCorpusConfig.class);
        ConfigTypes.register(binder(), TaskConfig.class, NAME, SpeechTaskConfig.class);
        ConfigTypes.register(binder(), DataConfig.class, NAME, SpeechDataConfig.class);
        ConfigTypes.register(binder(), ModelConfig.class, NAME, SpeechModelConfig.class);
        Registries.register(binder(), Task.class, NAME, SpeechTask.class);
        Registries.register(binder(), TaskCommand.class, "transcribe", TranscribeCommand.class);
        Registries.register(binder(), Benchmark.class, "asr-small", AsrSmallBenchmark.class);
      }
    };
  }
}
