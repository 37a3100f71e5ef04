package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.OptimizerConformance;

class DjlOptimizerConformanceTest extends OptimizerConformance {
  @Override
  protected Backend backend() {
    return DjlBackends.shared();
  }
}
