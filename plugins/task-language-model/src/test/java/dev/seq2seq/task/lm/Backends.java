package dev.seq2seq.task.lm;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.plugin.Plugins;

/** Backends looked up by their registered names, as the CLI does; tests never name a class. */
public final class Backends {
  private Backends() {}

  public static Backend create(String name) {
    BackendProvider provider = Plugins.discover(Backends.class.getClassLoader())
        .registry(BackendProvider.class).get(name);
    if (provider == null) {
      throw new AssertionError("no backend registered as " + name);
    }
    return provider.create(new BackendOptions(BackendOptions.Device.CPU, 1));
  }
}
