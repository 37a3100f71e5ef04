package dev.seq2seq.djl.conformance;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.djl.DjlBackendProvider;

/**
 * One DJL backend shared by every conformance class of this module (the kit never closes it):
 * loading PyTorch once keeps the suite fast. One intra-op thread: the kit's tensors are small, and
 * with two PyTorch's OpenMP workers spin, doubling the CPU time the toy task is budgeted on
 * (about 27 s instead of 54 s of the 60 s, for the same or better wall time).
 */
final class DjlBackends {
  private static Backend shared;

  private DjlBackends() {}

  static synchronized Backend shared() {
    if (shared == null) {
      shared = new DjlBackendProvider().create(new BackendOptions(BackendOptions.Device.CPU, 1));
    }
    return shared;
  }
}
