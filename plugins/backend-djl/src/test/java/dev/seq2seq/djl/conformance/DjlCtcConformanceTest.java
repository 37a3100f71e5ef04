package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.CtcConformance;

class DjlCtcConformanceTest extends CtcConformance {
  @Override
  protected Backend backend() {
    return DjlBackends.shared();
  }
}
