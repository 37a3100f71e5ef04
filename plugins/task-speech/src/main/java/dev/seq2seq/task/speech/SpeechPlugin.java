package dev.seq2seq.task.speech;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.task.speech.features.FeaturesConfig;
import dev.seq2seq.task.speech.features.LogMelConfig;
import dev.seq2seq.task.speech.features.MfccConfig;

/**
 * The speech task's audio side so far: WAV reading, resampling, and the feature kinds a recipe
 * selects with {@code features: {type: log_mel}} or {@code {type: mfcc}}. The task comes later.
 */
public final class SpeechPlugin implements Plugin {

  @Override
  public String name() {
    return "task-speech";
  }

  @Override
  public String description() {
    return "speech audio side: WAV reading, resampling, log_mel and mfcc features";
  }

  @Override
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        ConfigTypes.register(binder(), FeaturesConfig.class, "log_mel", LogMelConfig.class);
        ConfigTypes.register(binder(), FeaturesConfig.class, "mfcc", MfccConfig.class);
      }
    };
  }
}
