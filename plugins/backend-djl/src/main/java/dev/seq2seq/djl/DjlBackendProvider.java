package dev.seq2seq.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.cuda.CudaUtils;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates {@link DjlBackend}s; registered as {@code djl}. The PyTorch engine is loaded on the
 * first {@link #create}, never when the plugin is registered.
 *
 * <p>Where libtorch comes from: the {@code pytorch-native-cpu} jar on the class path (the default
 * build), or, for CUDA, a libtorch directory named by {@code PYTORCH_LIBRARY_PATH} (DJL looks
 * there first), or DJL's one-time download when {@code ai.djl.offline=false} and the build has no
 * native jar ({@code -Pcuda}). See the plugin's README.
 */
public final class DjlBackendProvider implements BackendProvider {

  /** DJL's engine name for PyTorch. */
  static final String ENGINE = "PyTorch";

  /** The CUDA flavour whose JNI library {@code pytorch-jni} ships for this PyTorch version. */
  static final String CUDA_FLAVOR = "cu128";

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
    Natives natives = Natives.of(engine);
    return new DjlBackend(engine, device(options.device(), natives), threads, natives);
  }

  private static Engine loadEngine(int threads) {
    // The natives come as Maven dependencies: never let DJL try to download anything. Both
    // properties are read once, when the engine first loads; a value set by the user wins.
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    String libraryPath = env("PYTORCH_LIBRARY_PATH");
    if (libraryPath != null && env("PYTORCH_FLAVOR") == null) {
      // Unset, DJL guesses a "-precxx11" flavour for a CUDA machine, whose JNI library
      // pytorch-jni does not ship; the libraries in the directory say which build it is.
      setIfAbsent("PYTORCH_FLAVOR", hasCudaLibraries(libraryPath) ? CUDA_FLAVOR : "cpu");
    }
    try {
      return Engine.getEngine(ENGINE);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new IllegalStateException(loadFailure(libraryPath, e), e);
    }
  }

  private static String loadFailure(String libraryPath, Throwable e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (libraryPath != null) {
      return "PyTorch did not load from PYTORCH_LIBRARY_PATH=" + libraryPath + " (" + why
          + "); it must name the lib directory of a libtorch " + pytorchVersion()
          + " build (CPU or CUDA 12.8)";
    }
    return "PyTorch did not load (" + why + "). The default build bundles the CPU natives;"
        + " a build made with -Pcuda has none: set PYTORCH_LIBRARY_PATH to the lib directory of"
        + " a libtorch " + pytorchVersion() + " CUDA 12.8 build, or run once with"
        + " -Dai.djl.offline=false to let DJL download it";
  }

  /** The PyTorch version this DJL build expects, from the engine jar. */
  static String pytorchVersion() {
    java.util.Properties p = new java.util.Properties();
    try (var in = DjlBackendProvider.class.getClassLoader()
        .getResourceAsStream("pytorch-engine.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (java.io.IOException e) {
      // only for a message: fall through to the placeholder
    }
    return p.getProperty("pytorch_version", "(the version pytorch-engine expects)");
  }

  static boolean hasCudaLibraries(String libraryPath) {
    for (String dir : libraryPath.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.exists(Path.of(dir, System.mapLibraryName("torch_cuda")))) {
        return true;
      }
    }
    return false;
  }

  /** What the loaded libtorch can do: a CUDA build or not, and how many GPUs it sees. */
  record Natives(String version, boolean cudaBuild, int gpus, String cudaVersion) {
    static Natives of(Engine engine) {
      boolean cuda = engine.hasCapability(StandardCapabilities.CUDA);
      int gpus = engine.getGpuCount();
      String runtime = gpus > 0 ? CudaUtils.getCudaVersionString() : null;
      return new Natives(engine.getVersion(), cuda, gpus, runtime);
    }

    /** A line for {@code seq2seq doctor}: whether CUDA can be used, and if not, why. */
    String cudaStatus() {
      if (gpus > 0) {
        return "available: " + gpus + " GPU" + (gpus == 1 ? "" : "s")
            + (cudaVersion == null ? "" : ", CUDA runtime " + cudaVersion);
      }
      return cudaBuild
          ? "not available: this PyTorch build has CUDA, but no GPU is visible"
          : "not available: this PyTorch build is CPU-only (build with -Pcuda and a CUDA libtorch)";
    }
  }

  /** The device for {@code backend.device}, given what the natives offer. */
  static Device device(BackendOptions.Device requested, Natives natives) {
    return switch (requested) {
      case CPU -> Device.cpu();
      case AUTO -> natives.gpus() > 0 ? Device.gpu(0) : Device.cpu();
      case GPU -> {
        if (natives.gpus() == 0) {
          throw new IllegalArgumentException("backend.device: gpu, but PyTorch "
              + natives.version() + " sees no GPU: " + natives.cudaStatus().substring(
                  "not available: ".length()) + "; use backend.device: cpu or auto");
        }
        yield Device.gpu(0);
      }
    };
  }

  private static String env(String key) {
    String v = System.getProperty(key);
    if (v == null || v.isEmpty()) {
      v = System.getenv(key);
    }
    return v == null || v.isEmpty() ? null : v;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
