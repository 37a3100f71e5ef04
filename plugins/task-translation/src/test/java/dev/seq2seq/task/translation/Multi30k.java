package dev.seq2seq.task.translation;

import dev.seq2seq.testkit.Datasets;
import java.nio.file.Path;

/** Multi30K from the shared mirror, through the catalogue (sizes and sums checked). */
public final class Multi30k {
  private Multi30k() {}

  /**
   * The dataset folder. The mirror is {@code SEQ2SEQ_DATA}, else {@code <project root>/../shared/data};
   * CI always has one, so its absence fails with advice rather than skipping.
   */
  public static Path folder(Path cache) {
    return Datasets.folder("multi30k", cache);
  }
}
