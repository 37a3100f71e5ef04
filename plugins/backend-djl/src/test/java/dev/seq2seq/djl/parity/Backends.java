package dev.seq2seq.djl.parity;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.djl.DjlBackendProvider;
import dev.seq2seq.nativebackend.NativeBackendProvider;

/**
 * The two backends the parity tests compare, created once per JVM. One thread each: the shapes
 * are tiny, and the parity of a result must not depend on how a sum was split across threads.
 */
final class Backends {
  private static Backend djl;
  private static Backend reference;

  private Backends() {}

  static synchronized Backend djl() {
    if (djl == null) {
      djl = new DjlBackendProvider().create(new BackendOptions(BackendOptions.Device.CPU, 1));
    }
    return djl;
  }

  static synchronized Backend reference() {
    if (reference == null) {
      reference = new NativeBackendProvider().create(new BackendOptions(BackendOptions.Device.CPU, 1));
    }
    return reference;
  }
}
