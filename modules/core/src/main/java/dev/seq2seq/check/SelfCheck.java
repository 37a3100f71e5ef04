package dev.seq2seq.check;

import dev.seq2seq.backend.Backend;
import java.util.List;

/** The numeric self-check that {@code seq2seq doctor} runs on a backend. */
public final class SelfCheck {
  private SelfCheck() {}

  /** Runs every check on {@code backend}: op and cell gradients, and the CTC reference cases. */
  public static List<CheckResult> run(Backend backend) {
    throw new UnsupportedOperationException("TODO: being written");
  }
}
