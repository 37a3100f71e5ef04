package dev.seq2seq.nativebackend;

import static dev.seq2seq.nativebackend.Checks.assertValues;
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
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class BackendTest {
  private static final NativeBackend backend = NativeBackend.create(1);

  @AfterAll
  static void close() {
    backend.close();
  }

  @Test
  void thePluginIsFoundAndRegistersTheProvider() {
    assertThat(ServiceLoader.load(Plugin.class).stream().map(p -> p.type().getName()))
        .contains(NativePlugin.class.getName());
    Plugins plugins = Plugins.of(List.of(new NativePlugin()));
    assertThat(plugins.registry(BackendProvider.class).get("native"))
        .isInstanceOf(NativeBackendProvider.class);
    assertThat(new NativePlugin().name()).isEqualTo("backend-native");
  }

  @Test
  void theProviderRunsOnTheCpuOnly() {
    NativeBackendProvider provider = new NativeBackendProvider();
    try (Backend cpu = provider.create(new BackendOptions(BackendOptions.Device.CPU, 3))) {
      assertThat(cpu.info().threads()).isEqualTo(3);
    }
    try (Backend auto = provider.create(BackendOptions.defaults())) {
      assertThat(auto.info().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
    assertThatThrownBy(() -> provider.create(new BackendOptions(BackendOptions.Device.GPU, 1)))
        .hasMessage("the native backend runs on the CPU only; use backend.device: cpu or auto");
  }

  @Test
  void infoDescribesTheBackend() {
    BackendInfo info = backend.info();
    assertThat(info.name()).isEqualTo("native");
    assertThat(info.device()).isEqualTo("cpu");
    assertThat(info.version()).isNotBlank();
    assertThat(info.threads()).isEqualTo(1);
    assertThat(info.details()).containsKeys("vector.species", "vector.lanes", "java.version");
  }

  @Test
  void holdsFloat32AndInt32Only() {
    assertThat(backend.supports(DType.FLOAT32)).isTrue();
    assertThat(backend.supports(DType.INT32)).isTrue();
    assertThat(backend.supports(DType.FLOAT64)).isFalse();
    assertThatThrownBy(() -> backend.of(new double[] {1}, DType.FLOAT64, 1))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("FLOAT32 and INT32 only, not FLOAT64");
    assertValues(backend.of(new double[] {1.5, 2.5}, DType.FLOAT32, 2), new int[] {2}, 1.5f, 2.5f);
    assertThatThrownBy(() -> backend.zeros(DType.FLOAT64, 1)).hasMessageContaining("FLOAT64");
  }

  @Test
  void creationCopiesAndChecksTheShape() {
    float[] data = {1, 2};
    Tensor t = backend.of(data, 2);
    data[0] = 9;
    assertThat(t.toFloatArray()).containsExactly(1, 2);
    assertThat(backend.scalar(3).shape().rank()).isZero();
    assertThat(backend.zeros(DType.INT32, 2, 2).toIntArray()).containsExactly(0, 0, 0, 0);
    assertThatThrownBy(() -> backend.of(new float[] {1, 2, 3}, 2, 2))
        .hasMessage("of: 3 values do not fill shape [2, 2]");
  }

  @Test
  void tensorsOfAnotherBackendAreRejected() {
    try (NativeBackend other = NativeBackend.create(1)) {
      Tensor foreign = other.of(new float[] {1}, 1);
      assertThatThrownBy(() -> backend.of(new float[] {1}, 1).add(foreign))
          .hasMessageContaining("add: tensors of different backends never mix");
    }
  }

  @Test
  void scopesNestAndKeepReturnsTheTensor() {
    Tensor t = backend.of(new float[] {1}, 1);
    try (TensorScope outer = backend.scope()) {
      try (TensorScope inner = backend.scope()) {
        assertThat(inner.keep(t)).isSameAs(t);
        assertThatThrownBy(outer::close).hasMessageContaining("innermost first");
      }
      assertThat(outer.keep(t)).isSameAs(t);
    }
    assertThat(t.toFloatArray()).containsExactly(1f);
  }

  @Test
  void inPlaceUpdates() {
    Tensor p = backend.of(new float[] {1, 2, 3}, 3);
    p.addInPlace(backend.of(new float[] {1, 1, 1}, 3), -0.5);
    assertValues(p, new int[] {3}, 0.5f, 1.5f, 2.5f);
    p.mulInPlace(2);
    assertValues(p, new int[] {3}, 1, 3, 5);
    p.addProductInPlace(backend.of(new float[] {1, 2, 3}, 3), backend.of(new float[] {2, 2, 2}, 3),
        0.5);
    assertValues(p, new int[] {3}, 2, 5, 8);
    p.addRatioInPlace(backend.of(new float[] {1, 1, 1}, 3), backend.of(new float[] {4, 9, 16}, 3),
        1, -6);
    assertValues(p, new int[] {3}, 0, 3.5f, 6.8f);
    p.assign(backend.of(new float[] {7, 8, 9}, 3));
    assertValues(p, new int[] {3}, 7, 8, 9);
    assertThatThrownBy(() -> p.addInPlace(backend.of(new float[] {1, 2}, 2), 1))
        .hasMessage("addInPlace: shapes [3] and [2] differ");
  }

  @Test
  void largeInPlaceUpdatesSplitAcrossThreads() {
    try (NativeBackend two = NativeBackend.create(2)) {
      int n = (1 << 17) + 5;
      Tensor p = two.zeros(DType.FLOAT32, n);
      float[] ones = new float[n];
      Arrays.fill(ones, 1f);
      p.addInPlace(two.of(ones, n), 2);
      p.mulInPlace(0.5);
      float[] values = p.toFloatArray();
      for (float v : values) {
        assertThat(v).isEqualTo(1f);
      }
    }
  }
}
