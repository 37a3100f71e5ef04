package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.RecurrentConformance;

class DjlRecurrentConformanceTest extends RecurrentConformance {
  @Override
  protected Backend backend() {
    return DjlBackends.shared();
  }
}
