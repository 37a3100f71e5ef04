package dev.seq2seq.data;

/** A dataset cannot be provided; the message names the dataset, the file or URL, and what to do. */
public class DatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatasetException(String message) {
    super(message);
  }

  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
