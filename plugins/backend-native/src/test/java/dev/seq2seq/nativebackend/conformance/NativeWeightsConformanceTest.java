package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.nativebackend.NativeBackend;
import dev.seq2seq.testkit.WeightsConformance;
import org.junit.jupiter.api.AfterAll;

/** The conformance kit's weights checks, run unchanged on the native backend. */
class NativeWeightsConformanceTest extends WeightsConformance {
  private static final NativeBackend BACKEND = NativeBackend.create(2);

  @Override
  protected Backend backend() {
    return BACKEND;
  }

  @AfterAll
  static void close() {
    BACKEND.close();
  }
}
