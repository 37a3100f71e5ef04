package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.BatchInvarianceConformance;

class NativeBatchInvarianceConformanceTest extends BatchInvarianceConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
