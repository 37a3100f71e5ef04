package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.LayerConformance;

class DjlLayerConformanceTest extends LayerConformance {
  @Override
  protected Backend backend() {
    return DjlBackends.shared();
  }
}
