package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.LayerAttentionConformance;

class NativeLayerAttentionConformanceTest extends LayerAttentionConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
