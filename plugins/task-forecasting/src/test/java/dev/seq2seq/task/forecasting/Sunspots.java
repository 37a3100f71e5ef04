package dev.seq2seq.task.forecasting;

import dev.seq2seq.testkit.Datasets;
import java.nio.file.Path;

/** The sunspots CSV from the shared mirror, through the catalogue (sizes and sums checked). */
public final class Sunspots {
  private Sunspots() {}

  public static Path csv(Path cache) {
    return Datasets.folder("sunspots", cache).resolve("monthly-sunspots.csv");
  }
}
