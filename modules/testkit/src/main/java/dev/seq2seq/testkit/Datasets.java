package dev.seq2seq.testkit;

import dev.seq2seq.data.Catalogue;
import dev.seq2seq.data.DataEnvironment;
import dev.seq2seq.data.DatasetResolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Real datasets for tests, resolved through the bundled catalogue from the shared mirror, so the
 * catalogue's sizes and checksums are checked on the way and a test never downloads.
 */
public final class Datasets {
  private Datasets() {}

  /** The folder of catalogue dataset {@code name}; {@code cache} holds the verification marks. */
  public static Path folder(String name, Path cache) {
    DataEnvironment env = new DataEnvironment(Optional.of(mirror()), cache, true);
    DatasetResolver resolver = new DatasetResolver(Catalogue.bundled(), env,
        uri -> { throw new IOException("tests never download (" + uri + ")"); },
        new PrintStream(new ByteArrayOutputStream()));
    return resolver.resolve(name).folder();
  }

  /**
   * The shared mirror: {@code SEQ2SEQ_DATA}, else {@code <project root>/../shared/data}. CI always
   * has one, so its absence is a failure with advice, never a skipped test.
   */
  public static Path mirror() {
    String env = System.getenv(DataEnvironment.DATA);
    if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    String root = System.getProperty("seq2seq.project.root");
    if (root != null && Files.isDirectory(Path.of(root, "..", "shared", "data"))) {
      return Path.of(root, "..", "shared", "data").toAbsolutePath().normalize();
    }
    throw new AssertionError("no dataset mirror: set SEQ2SEQ_DATA to the mirror folder, or run"
        + " the tests with Maven from a checkout that has ../shared/data beside it"
        + " (seq2seq.project.root=" + root + ")");
  }
}
