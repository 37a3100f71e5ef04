package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.CtcConformance;

class NativeCtcConformanceTest extends CtcConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
