package dev.seq2seq.nativebackend;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.bench.Benchmark;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Registries;

/** Contributes the {@code native} backend. */
public final class NativePlugin implements Plugin {

  @Override
  public String name() {
    return "backend-native";
  }

  @Override
  public String description() {
    return "the pure-Java reference backend (CPU)";
  }

  @Override
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        Registries.backend(binder(), "native", NativeBackendProvider.class);
        Registries.register(binder(), Benchmark.class, "gemm", NativeBenchmarks.Gemm.class);
        Registries.register(binder(), Benchmark.class, "rnn", NativeBenchmarks.Recurrent.class);
      }
    };
  }
}
