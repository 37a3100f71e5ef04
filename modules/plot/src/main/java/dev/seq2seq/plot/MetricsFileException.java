package dev.seq2seq.plot;

import java.io.IOException;
import java.nio.file.Path;

/** A metrics file that cannot be plotted; the message names the file and the problem. */
public final class MetricsFileException extends IOException {
  private static final long serialVersionUID = 1L;

  public MetricsFileException(Path file, String problem) {
    super(file + ": " + problem);
  }
}
