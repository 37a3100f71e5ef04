package dev.seq2seq.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendInfo;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Plugins;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

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
        .hasMessageContaining("backend.device: cpu or auto");
  }

  @Test
  void infoDescribesTheBackend() {
    BackendInfo info = backend.info();
    assertThat(info.name()).isEqualTo("djl");
    assertThat(info.version()).isNotBlank();
    assertThat(info.device()).isEqualTo("cpu");
    assertThat(info.threads()).isEqualTo(1);
    assertThat(info.details().get("engine")).startsWith("PyTorch ");
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
