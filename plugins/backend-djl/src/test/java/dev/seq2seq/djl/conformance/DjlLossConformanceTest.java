package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.LossConformance;

class DjlLossConformanceTest extends LossConformance {
  @Override
  protected Backend backend() {
    return DjlBackends.shared();
  }
}
