package dev.seq2seq.task.forecasting.data;

/** How values are scaled before the network sees them. */
public enum Scaling {
  /** Zero mean, unit variance (population standard deviation). */
  STANDARD,
  /** The fitted minimum to 0 and maximum to 1. */
  MINMAX,
  /** Values as they are. */
  NONE
}
