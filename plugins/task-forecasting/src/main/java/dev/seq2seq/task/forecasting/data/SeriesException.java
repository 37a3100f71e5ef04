package dev.seq2seq.task.forecasting.data;

/** A time-series file or split that cannot be used; the message names the file, line and column. */
public final class SeriesException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SeriesException(String message) {
    super(message);
  }
}
