package dev.seq2seq.testkit;

import dev.seq2seq.backend.Backend;
import org.junit.jupiter.api.Nested;

/**
 * Runs the loss, CTC and optimiser conformance classes on a small host backend, so that the kit's
 * own build checks them; real backends run them from their own modules.
 */
class LossOptimHostBackendTest {
  private static final Backend BACKEND = new LossOptimHostBackend();

  @Nested
  class Ctc extends CtcConformance {
    @Override
    protected Backend backend() {
      return BACKEND;
    }
  }

  @Nested
  class Losses extends LossConformance {
    @Override
    protected Backend backend() {
      return BACKEND;
    }
  }

  @Nested
  class Optimizers extends OptimizerConformance {
    @Override
    protected Backend backend() {
      return BACKEND;
    }
  }
}
