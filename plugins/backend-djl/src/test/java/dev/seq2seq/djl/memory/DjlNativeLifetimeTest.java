package dev.seq2seq.djl.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.djl.DjlBackendProvider;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Native memory that PyTorch still uses must not be freed by Java's garbage collector.
 *
 * <p>DJL builds a CPU array from host data with {@code torch::from_blob} over a direct {@link
 * ByteBuffer} that only the Java array object keeps alive; PyTorch's own reference count does not
 * cover that memory. Once the Java array is closed (a scalar operand DJL closes right after the
 * op, a constant whose scope has closed) the buffer's cleaner frees the memory at the next
 * collection, while a view, a kept result or a graph node that saved the operand for backward
 * still points at it: the value read afterwards is whatever the allocator left there (5e-310 is
 * the typical heap pointer read as a double). These tests open that window on purpose, forcing a
 * collection and overwriting freed blocks between making a tensor and reading it, so the fault
 * shows on every run instead of once in a few builds.
 */
class DjlNativeLifetimeTest {
  private static final int ROUNDS = 2;
  private static final Backend backend =
      new DjlBackendProvider().create(new BackendOptions(BackendOptions.Device.CPU, 1));

  @AfterAll
  static void close() {
    backend.close();
  }

  @Test
  void aScalarFactorSavedForBackwardSurvivesACollection() {
    for (int round = 0; round < ROUNDS; round++) {
      try (TensorScope scope = backend.scope()) {
        Tensor x = backend.of(new double[] {1, 2, 3, 4}, DType.FLOAT64, 4).requireGrad();
        Tensor y;
        try (GradientTape tape = backend.gradientTape()) {
          // mul(double) multiplies by a 0-dim tensor that autograd saves for the backward pass.
          y = x.mul(-1.25).sum();
          collectAndReuseFreedMemory();
          tape.backward(y);
        }
        assertThat(x.grad().toDoubleArray()).as("round %d", round)
            .containsExactly(-1.25, -1.25, -1.25, -1.25);
      }
    }
  }

  @Test
  void aConstantSavedByAKeptResultsGraphSurvivesItsScope() {
    for (int round = 0; round < ROUNDS; round++) {
      try (TensorScope outer = backend.scope()) {
        Tensor x = backend.of(new float[] {1, 2, 3}, 3).requireGrad();
        try (GradientTape tape = backend.gradientTape()) {
          Tensor y;
          try (TensorScope inner = backend.scope()) {
            Tensor k = backend.of(new float[] {0.5f, -2f, 3f}, 3);
            y = inner.keep(x.mul(k)); // the graph keeps k for dy/dx
          }
          collectAndReuseFreedMemory();
          tape.backward(y.sum());
        }
        assertThat(x.grad().toFloatArray()).as("round %d", round)
            .containsExactly(0.5f, -2f, 3f);
      }
    }
  }

  @Test
  void aKeptViewOfAConstantStaysReadableAfterItsScope() {
    for (int round = 0; round < ROUNDS; round++) {
      try (TensorScope outer = backend.scope()) {
        Tensor view;
        try (TensorScope inner = backend.scope()) {
          Tensor c = backend.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
          view = inner.keep(c.transpose(0, 1)); // a view: same memory as c
        }
        collectAndReuseFreedMemory();
        assertThat(view.toFloatArray()).as("round %d", round)
            .containsExactly(1, 4, 2, 5, 3, 6);
        Tensor ints;
        try (TensorScope inner = backend.scope()) {
          ints = inner.keep(backend.ofInts(new int[] {7, 8, 9, 10}, 4).reshape(2, 2));
        }
        collectAndReuseFreedMemory();
        assertThat(ints.toIntArray()).as("round %d", round).containsExactly(7, 8, 9, 10);
      }
    }
  }

  /**
   * Runs collections until an object dropped now is gone (so every unreachable direct buffer has
   * been found, and its cleaner runs right after), then takes many small blocks from the native
   * allocator and fills them, so that freed memory is reused and holds something else.
   */
  static void collectAndReuseFreedMemory() {
    WeakReference<Object> probe = new WeakReference<>(new Object());
    for (int i = 0; i < 20 && probe.get() != null; i++) {
      System.gc();
    }
    assertThat(probe.get()).as("a collection ran").isNull();
    try {
      Thread.sleep(20); // the reference handler runs the cleaners
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<ByteBuffer> fill = new ArrayList<>();
    for (int size = 1; size <= 64; size *= 2) {
      for (int i = 0; i < 64; i++) {
        ByteBuffer b = ByteBuffer.allocateDirect(size * 8).order(ByteOrder.nativeOrder());
        while (b.remaining() >= 8) {
          b.putDouble(7777.0);
        }
        fill.add(b);
      }
    }
    fill.clear();
  }
}
