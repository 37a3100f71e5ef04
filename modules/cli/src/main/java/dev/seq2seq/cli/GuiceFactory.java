package dev.seq2seq.cli;

import com.google.inject.Injector;
import picocli.CommandLine;

/**
 * Lets picocli build commands through Guice, so a command receives the registries it needs by
 * constructor injection. Picocli's own helper types fall back to its default factory.
 */
final class GuiceFactory implements CommandLine.IFactory {
  private final Injector injector;

  GuiceFactory(Injector injector) {
    this.injector = injector;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type.getPackageName().startsWith("dev.seq2seq")) {
      return injector.getInstance(type);
    }
    return CommandLine.defaultFactory().create(type);
  }
}
