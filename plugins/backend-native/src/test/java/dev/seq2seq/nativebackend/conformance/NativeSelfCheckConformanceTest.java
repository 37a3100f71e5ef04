package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.SelfCheckConformance;

class NativeSelfCheckConformanceTest extends SelfCheckConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
