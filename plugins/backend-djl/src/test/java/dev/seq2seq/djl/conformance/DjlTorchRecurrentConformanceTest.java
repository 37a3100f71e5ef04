package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.TorchRecurrentConformance;

class DjlTorchRecurrentConformanceTest extends TorchRecurrentConformance {
  @Override
  protected Backend backend() {
    return DjlBackends.shared();
  }
}
