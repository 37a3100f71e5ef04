package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.InPlaceConformance;

class NativeInPlaceConformanceTest extends InPlaceConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
