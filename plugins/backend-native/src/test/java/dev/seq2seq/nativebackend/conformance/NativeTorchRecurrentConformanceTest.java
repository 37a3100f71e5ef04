package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.testkit.TorchRecurrentConformance;

class NativeTorchRecurrentConformanceTest extends TorchRecurrentConformance {
  @Override
  protected Backend backend() {
    return NativeBackends.shared();
  }
}
