package dev.seq2seq.task.speech;

import dev.seq2seq.testkit.Datasets;
import java.nio.file.Path;

/** FSDD's recordings folder from the shared mirror, through the catalogue (sizes and sums checked). */
public final class Fsdd {
  private Fsdd() {}

  public static Path recordings(Path cache) {
    return Datasets.folder("fsdd", cache).resolve("recordings");
  }
}
