package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.WeightsConformance;

class DjlWeightsConformanceTest extends WeightsConformance {
  @Override
  protected Backend backend() {
    return DjlBackends.shared();
  }
}
