package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.OptimizerConformance;

class NativeOptimizerConformanceTest extends OptimizerConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
