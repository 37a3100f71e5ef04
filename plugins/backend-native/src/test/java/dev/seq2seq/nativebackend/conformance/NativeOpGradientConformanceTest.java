package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.OpGradientConformance;

class NativeOpGradientConformanceTest extends OpGradientConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
