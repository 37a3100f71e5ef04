package dev.seq2seq.task.speech.audio;

import java.io.IOException;

/** An audio file that cannot be read; the message names the file and what is wrong with it. */
public final class AudioFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public AudioFormatException(String source, String problem) {
    super(source + ": " + problem);
  }

  public AudioFormatException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
  }
}
