package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.LossConformance;

class NativeLossConformanceTest extends LossConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
