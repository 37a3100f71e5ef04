package dev.seq2seq.data;

/** A dataset name that is not in the catalogue (bad input, not a failure). */
public final class UnknownDatasetException extends DatasetException {
  private static final long serialVersionUID = 1L;

  public UnknownDatasetException(String message) {
    super(message);
  }
}
