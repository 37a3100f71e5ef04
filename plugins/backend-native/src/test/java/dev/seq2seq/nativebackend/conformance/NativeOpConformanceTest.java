package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.OpConformance;

class NativeOpConformanceTest extends OpConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
