package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.SelfCheckConformance;

class DjlSelfCheckConformanceTest extends SelfCheckConformance {
  @Override
  protected Backend backend() {
    return DjlBackends.shared();
  }
}
