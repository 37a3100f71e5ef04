package dev.seq2seq.task.lm.text;

import java.io.IOException;

/** A text file that cannot be used: missing, empty or not in its declared encoding. */
public final class TextFileException extends IOException {
  private static final long serialVersionUID = 1L;

  public TextFileException(String message) {
    super(message);
  }

  @Override
  public String toString() {
    return getMessage(); // the message names the file and the problem; the class adds nothing
  }
}
