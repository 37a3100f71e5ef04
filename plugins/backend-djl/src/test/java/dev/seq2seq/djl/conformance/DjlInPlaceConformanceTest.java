package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.InPlaceConformance;

class DjlInPlaceConformanceTest extends InPlaceConformance {
  @Override
  protected Backend backend() {
    return DjlBackends.shared();
  }
}
