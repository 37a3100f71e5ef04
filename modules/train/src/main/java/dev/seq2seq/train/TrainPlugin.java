package dev.seq2seq.train;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Registries;

/** Declares the task registry, so that {@code Map<String, Task>} injects even with no task. */
public final class TrainPlugin implements Plugin {
  @Override
  public String name() {
    return "train";
  }

  @Override
  public String description() {
    return "the training loop and the task registry";
  }

  @Override
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        Registries.registry(binder(), Task.class);
      }
    };
  }
}
