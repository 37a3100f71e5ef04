package dev.seq2seq.nativebackend.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.nativebackend.NativeBackendProvider;

/**
 * One native backend shared by every conformance class of this module: the kit never closes the
 * backend it tests, and two threads keep the kernels' parallel paths exercised without competing
 * for the build machine's cores.
 */
final class NativeBackends {
  private static Backend shared;

  private NativeBackends() {}

  static synchronized Backend shared() {
    if (shared == null) {
      shared = new NativeBackendProvider().create(new BackendOptions(BackendOptions.Device.CPU, 2));
    }
    return shared;
  }
}
