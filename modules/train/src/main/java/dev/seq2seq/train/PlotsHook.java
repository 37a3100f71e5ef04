package dev.seq2seq.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Called once a run has finished, to draw its curves into {@code plots/}. The plot module
 * provides the real implementation; until it is wired in, {@link #NONE} draws nothing.
 */
@FunctionalInterface
public interface PlotsHook {
  PlotsHook NONE = (metrics, plots) -> {};

  /**
   * @param metrics the run's {@code metrics.jsonl}
   * @param plots the folder to write into (not yet created)
   */
  void writePlots(Path metrics, Path plots) throws IOException;
}
