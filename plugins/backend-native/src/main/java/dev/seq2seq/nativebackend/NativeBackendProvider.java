package dev.seq2seq.nativebackend;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import jakarta.inject.Inject;

/** Creates {@link NativeBackend}s; registered as {@code native}. */
public final class NativeBackendProvider implements BackendProvider {

  @Inject
  public NativeBackendProvider() {}

  @Override
  public String description() {
    return "pure-Java CPU backend: Vector API kernels, reverse-mode autograd";
  }

  @Override
  public Backend create(BackendOptions options) {
    if (options.device() == BackendOptions.Device.GPU) {
      throw new IllegalArgumentException(
          "the native backend runs on the CPU only; use backend.device: cpu or auto");
    }
    return NativeBackend.create(options.resolvedThreads());
  }
}
