package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.OpConformance;

class DjlOpConformanceTest extends OpConformance {
  @Override
  protected Backend backend() {
    return DjlBackends.shared();
  }
}
