package dev.seq2seq.djl;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Registries;

/** Contributes the {@code djl} backend. Registering it loads no native library. */
public final class DjlPlugin implements Plugin {

  @Override
  public String name() {
    return "backend-djl";
  }

  @Override
  public String description() {
    return "PyTorch through Deep Java Library (CPU or GPU)";
  }

  @Override
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        Registries.backend(binder(), "djl", DjlBackendProvider.class);
      }
    };
  }
}
