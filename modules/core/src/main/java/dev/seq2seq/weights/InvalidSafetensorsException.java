package dev.seq2seq.weights;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a valid safetensors file; the message names the file and the problem. */
public final class InvalidSafetensorsException extends IOException {
  private static final long serialVersionUID = 1L;

  public InvalidSafetensorsException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public InvalidSafetensorsException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
