package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.WeightsConformance;

class NativeWeightsConformanceTest extends WeightsConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
