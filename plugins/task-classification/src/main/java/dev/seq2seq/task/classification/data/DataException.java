package dev.seq2seq.task.classification.data;

/** Bad or unreadable input data; the message names the file (and line) and the problem. */
public final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
