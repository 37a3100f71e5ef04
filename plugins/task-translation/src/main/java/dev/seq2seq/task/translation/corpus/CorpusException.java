package dev.seq2seq.task.translation.corpus;

/** A parallel corpus that cannot be read; the message names the file (and line where there is one). */
public final class CorpusException extends RuntimeException {
  public CorpusException(String message) {
    super(message);
  }

  public CorpusException(String message, Throwable cause) {
    super(message, cause);
  }
}
