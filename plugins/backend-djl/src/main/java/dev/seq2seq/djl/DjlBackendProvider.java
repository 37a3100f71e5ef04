package dev.seq2seq.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import jakarta.inject.Inject;

/**
 * Creates {@link DjlBackend}s; registered as {@code djl}. The PyTorch engine is loaded on the
 * first {@link #create}, never when the plugin is registered.
 */
public final class DjlBackendProvider implements BackendProvider {

  /** DJL's engine name for PyTorch. */
  static final String ENGINE = "PyTorch";

  @Inject
  public DjlBackendProvider() {}

  @Override
  public String description() {
    return "PyTorch (libtorch) through Deep Java Library: CPU, or GPU with a CUDA build";
  }

  @Override
  public Backend create(BackendOptions options) {
    int threads = options.resolvedThreads();
    Engine engine = loadEngine(threads);
    // Intra-op threads can change at any time; the engine reads the property only when it loads.
    // The setting is process-wide: the backend created last decides for all.
    JniUtils.setNumThreads(threads);
    return new DjlBackend(engine, device(engine, options.device()), threads);
  }

  private static Engine loadEngine(int threads) {
    // The natives come as Maven dependencies: never let DJL try to download anything. Both
    // properties are read once, when the engine first loads; a value set by the user wins.
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    return Engine.getEngine(ENGINE);
  }

  static Device device(Engine engine, BackendOptions.Device requested) {
    int gpus = engine.getGpuCount();
    return switch (requested) {
      case CPU -> Device.cpu();
      case AUTO -> gpus > 0 ? Device.gpu(0) : Device.cpu();
      case GPU -> {
        if (gpus == 0) {
          throw new IllegalArgumentException(
              "backend.device: gpu, but PyTorch " + engine.getVersion()
                  + " sees no GPU (a CUDA build of pytorch-native and a visible device are"
                  + " needed); use backend.device: cpu or auto");
        }
        yield Device.gpu(0);
      }
    };
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
