package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.OpGradientConformance;

class DjlOpGradientConformanceTest extends OpGradientConformance {
  @Override
  protected Backend backend() {
    return DjlBackends.shared();
  }
}
