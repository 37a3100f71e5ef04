package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.TapeConformance;

class NativeTapeConformanceTest extends TapeConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
