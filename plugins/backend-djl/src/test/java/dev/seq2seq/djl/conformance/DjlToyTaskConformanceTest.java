package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.ToyTaskConformance;

class DjlToyTaskConformanceTest extends ToyTaskConformance {
  @Override
  protected Backend backend() {
    return DjlBackends.shared();
  }
}
