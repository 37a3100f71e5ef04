package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.TapeConformance;

class DjlTapeConformanceTest extends TapeConformance {
  @Override
  protected Backend backend() {
    return DjlBackends.shared();
  }
}
