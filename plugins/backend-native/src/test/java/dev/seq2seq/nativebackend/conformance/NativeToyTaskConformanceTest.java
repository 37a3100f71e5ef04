package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.ToyTaskConformance;

class NativeToyTaskConformanceTest extends ToyTaskConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
