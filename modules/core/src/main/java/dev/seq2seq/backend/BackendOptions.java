package dev.seq2seq.backend;

/**
 * How a backend is asked to run.
 *
 * @param device where tensors live
 * @param threads worker threads for kernels; 0 means one per available core
 */
public record BackendOptions(Device device, int threads) {

  /** Where a backend computes. AUTO picks a GPU when the backend can use one. */
  public enum Device {
    CPU,
    GPU,
    AUTO
  }

  public BackendOptions {
    if (device == null) {
      throw new IllegalArgumentException("backend.device must be set");
    }
    if (threads < 0) {
      throw new IllegalArgumentException("backend.threads must be >= 0, got " + threads);
    }
  }

  public static BackendOptions defaults() {
    return new BackendOptions(Device.AUTO, 0);
  }

  /** The thread count to use: {@link #threads()} or, when 0, the available cores. */
  public int resolvedThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }
}
