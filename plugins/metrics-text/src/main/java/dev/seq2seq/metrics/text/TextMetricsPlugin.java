package dev.seq2seq.metrics.text;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.metric.CorpusMetric;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Registries;

/** Contributes the {@code bleu}, {@code chrf}, {@code wer} and {@code cer} metrics. */
public final class TextMetricsPlugin implements Plugin {
  @Override
  public String name() {
    return "metrics-text";
  }

  @Override
  public String description() {
    return "bleu, chrf: text metrics computed as sacreBLEU 2.x computes them; wer, cer: error rates";
  }

  @Override
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        Registries.register(binder(), CorpusMetric.class, "bleu", Bleu.class);
        Registries.register(binder(), CorpusMetric.class, "chrf", Chrf.class);
        Registries.register(binder(), CorpusMetric.class, "wer", ErrorRate.Wer.class);
        Registries.register(binder(), CorpusMetric.class, "cer", ErrorRate.Cer.class);
      }
    };
  }
}
