package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.LayerAttentionConformance;

class DjlLayerAttentionConformanceTest extends LayerAttentionConformance {
  @Override
  protected Backend backend() {
    return DjlBackends.shared();
  }
}
