package dev.seq2seq.plugin;

import com.google.inject.AbstractModule;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.bench.Benchmark;
import dev.seq2seq.metric.CorpusMetric;

/**
 * Declares the registries the core defines, so that they exist (possibly empty) even when no
 * plugin contributes to them. Plugins that define new extension points declare them the same way
 * in their own modules.
 */
final class CoreModule extends AbstractModule {
  @Override
  protected void configure() {
    Registries.registry(binder(), BackendProvider.class);
    Registries.registry(binder(), Benchmark.class);
    Registries.registry(binder(), CorpusMetric.class);
  }
}
