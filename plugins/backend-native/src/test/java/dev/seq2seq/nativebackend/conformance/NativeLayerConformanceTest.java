package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.LayerConformance;

class NativeLayerConformanceTest extends LayerConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
