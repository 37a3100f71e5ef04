package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.RecurrentConformance;

class NativeRecurrentConformanceTest extends RecurrentConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
