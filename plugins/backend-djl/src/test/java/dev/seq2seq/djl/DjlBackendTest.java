package dev.seq2seq.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendInfo;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the kit does not cover: registration, device choice, info, scopes' memory. */
class DjlBackendTest {
  // One thread, as the conformance suite's backend: PyTorch's thread count is process-wide.
  private static final BackendOptions CPU = new BackendOptions(BackendOptions.Device.CPU, 1);
  private static final Backend backend = new DjlBackendProvider().create(CPU);

  @AfterAll
  static void close() {
    backend.close();
  }

  @Test
  void thePluginIsFoundAndRegistersTheProvider() {
    assertThat(ServiceLoader.load(Plugin.class).stream().map(p -> p.type().getName()))
        .contains(DjlPlugin.class.getName());
    Plugins plugins = Plugins.of(List.of(new DjlPlugin()));
    assertThat(plugins.registry(BackendProvider.class).get("djl"))
        .isInstanceOf(DjlBackendProvider.class);
    assertThat(new DjlPlugin().name()).isEqualTo("backend-djl");
  }

  @Test
  void autoFallsBackToTheCpuAndGpuWithoutOneIsAClearError() {
    DjlBackendProvider provider = new DjlBackendProvider();
    try (Backend auto = provider.create(new BackendOptions(BackendOptions.Device.AUTO, 1))) {
      // The bundled PyTorch build is CPU-only, so AUTO must land on the CPU.
      assertThat(auto.info().device()).isEqualTo("cpu");
    }
    assertThatThrownBy(() -> provider.create(new BackendOptions(BackendOptions.Device.GPU, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sees no GPU")
        .hasMessageContaining("CPU-only")
        .hasMessageContaining("-Pcuda")
        .hasMessageContaining("backend.device: cpu or auto");
  }

  @Test
  void theDeviceFollowsWhatTheNativesOffer() {
    var cpuBuild = new DjlBackendProvider.Natives("2.7.1", false, 0, null);
    var cudaNoGpu = new DjlBackendProvider.Natives("2.7.1", true, 0, null);
    var cudaTwoGpus = new DjlBackendProvider.Natives("2.7.1", true, 2, "12080");
    for (var natives : List.of(cpuBuild, cudaNoGpu, cudaTwoGpus)) {
      assertThat(DjlBackendProvider.device(BackendOptions.Device.CPU, natives))
          .isEqualTo(Device.cpu());
    }
    assertThat(DjlBackendProvider.device(BackendOptions.Device.AUTO, cpuBuild))
        .isEqualTo(Device.cpu());
    assertThat(DjlBackendProvider.device(BackendOptions.Device.AUTO, cudaNoGpu))
        .isEqualTo(Device.cpu());
    assertThat(DjlBackendProvider.device(BackendOptions.Device.AUTO, cudaTwoGpus))
        .isEqualTo(Device.gpu(0));
    assertThat(DjlBackendProvider.device(BackendOptions.Device.GPU, cudaTwoGpus))
        .isEqualTo(Device.gpu(0));
    assertThatThrownBy(() -> DjlBackendProvider.device(BackendOptions.Device.GPU, cudaNoGpu))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backend.device: gpu, but PyTorch 2.7.1 sees no GPU: this PyTorch build has"
            + " CUDA, but no GPU is visible; use backend.device: cpu or auto");
    assertThat(cudaTwoGpus.cudaStatus()).isEqualTo("available: 2 GPUs, CUDA runtime 12080");
    assertThat(cpuBuild.cudaStatus()).startsWith("not available: this PyTorch build is CPU-only");
  }

  @Test
  void aLibtorchDirectoryIsRecognisedAsCudaByItsLibraries(@TempDir Path dir) throws Exception {
    Path cpu = Files.createDirectories(dir.resolve("cpu"));
    Files.createFile(cpu.resolve(System.mapLibraryName("torch")));
    Path cuda = Files.createDirectories(dir.resolve("cuda"));
    Files.createFile(cuda.resolve(System.mapLibraryName("torch_cuda")));
    assertThat(DjlBackendProvider.hasCudaLibraries(cpu.toString())).isFalse();
    assertThat(DjlBackendProvider.hasCudaLibraries(cuda.toString())).isTrue();
    assertThat(DjlBackendProvider.hasCudaLibraries(cpu + java.io.File.pathSeparator + cuda))
        .isTrue();
    assertThat(DjlBackendProvider.pytorchVersion()).isEqualTo("2.7.1");
  }

  @Test
  void infoDescribesTheBackend() {
    BackendInfo info = backend.info();
    assertThat(info.name()).isEqualTo("djl");
    assertThat(info.version()).isNotBlank();
    assertThat(info.device()).isEqualTo("cpu");
    assertThat(info.threads()).isEqualTo(1);
    assertThat(info.details().get("engine")).startsWith("PyTorch ").endsWith("(CPU build)");
    assertThat(info.details().get("gpus")).isEqualTo("0");
    assertThat(info.details().get("cuda")).startsWith("not available: ");
  }

  @Test
  void holdsFloat64TooAndKeepsItsPrecision() {
    assertThat(backend.supports(DType.FLOAT64)).isTrue();
    Tensor x = backend.of(new double[] {1e-12, 1}, DType.FLOAT64, 2);
    assertThat(x.dtype()).isEqualTo(DType.FLOAT64);
    assertThat(x.add(1.0).toDoubleArray()).containsExactly(1 + 1e-12, 2);
  }

  @Test
  void closingAScopeFreesItsTensorsButNotTheKeptOnes() {
    Tensor outer = backend.of(new float[] {1, 2}, 2);
    Tensor kept;
    Tensor dropped;
    try (TensorScope scope = backend.scope()) {
      dropped = outer.mul(2.0);
      kept = scope.keep(outer.add(1.0));
    }
    assertThat(kept.toFloatArray()).containsExactly(2, 3);
    assertThat(outer.toFloatArray()).containsExactly(1, 2);
    assertThatThrownBy(dropped::toFloatArray).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aResultOfAParameterLandsInTheInnermostScope() {
    Tensor parameter = backend.of(new float[] {1, 2}, 2);
    Tensor inner;
    try (TensorScope outerScope = backend.scope()) {
      try (TensorScope innerScope = backend.scope()) {
        inner = parameter.mul(3.0); // PyTorch would file it with the parameter, for good
      }
      assertThatThrownBy(inner::toFloatArray).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aSecondTapeOnAnotherThreadFailsClearlyAndLeavesThatThreadUnrecorded() throws Exception {
    Tensor x = backend.of(new float[] {1, 2}, 2).requireGrad();
    AtomicReference<Throwable> refused = new AtomicReference<>();
    AtomicReference<Boolean> gradModeAfter = new AtomicReference<>();
    try (GradientTape tape = backend.gradientTape()) {
      Thread other = new Thread(() -> {
        try {
          backend.gradientTape().close();
        } catch (Throwable e) {
          refused.set(e);
        }
        gradModeAfter.set(JniUtils.isGradMode());
      }, "second-trainer");
      other.start();
      other.join();
      tape.backward(x.mul(3.0).sum());
    }
    assertThat(refused.get())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already open on thread '" + Thread.currentThread().getName() + "'")
        .hasMessageContaining("one tape may be open at a time in the whole process");
    assertThat(gradModeAfter.get()).as("grad mode of the refused thread").isFalse();
    assertThat(x.grad().toFloatArray()).containsExactly(3, 3);
    // Once closed, another thread may record.
    AtomicReference<float[]> grad = new AtomicReference<>();
    Thread after = new Thread(() -> {
      Tensor y = backend.of(new float[] {1, 2}, 2).requireGrad();
      try (GradientTape tape = backend.gradientTape()) {
        tape.backward(y.mul(-2.0).sum());
      }
      grad.set(y.grad().toFloatArray());
    });
    after.start();
    after.join();
    assertThat(grad.get()).containsExactly(-2, -2);
  }

  @Test
  void tensorsOfAnotherBackendAreRejected() {
    try (Backend other = new DjlBackendProvider().create(CPU)) {
      Tensor mine = backend.of(new float[] {1}, 1);
      Tensor theirs = other.of(new float[] {1}, 1);
      assertThatThrownBy(() -> mine.add(theirs))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("different backends");
    }
  }
}
