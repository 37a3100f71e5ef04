package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.nativebackend.NativeBackend;
import dev.seq2seq.testkit.CtcConformance;
import org.junit.jupiter.api.AfterAll;

/** The conformance kit's ctc checks, run unchanged on the native backend. */
class NativeCtcConformanceTest extends CtcConformance {
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
