package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.djl.DjlBackendProvider;

/**
 * One DJL backend shared by every conformance class of this module (the kit never closes it):
 * loading PyTorch once keeps the suite fast, and two threads leave the build machine's other
 * cores alone.
 */
final class DjlBackends {
  private static Backend shared;

  private DjlBackends() {}

  static synchronized Backend shared() {
    if (shared == null) {
      shared = new DjlBackendProvider().create(new BackendOptions(BackendOptions.Device.CPU, 2));
    }
    return shared;
  }
}
