package dev.seq2seq.nativebackend;

import static dev.seq2seq.nativebackend.Checks.assertValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Tape semantics and gradients of composite expressions, against hand-derived values. */
class AutogradTest {
  private static final NativeBackend backend = NativeBackend.create(1);

  @AfterAll
  static void close() {
    backend.close();
  }

  private static Tensor leaf(int[] shape, float... values) {
    return backend.of(values, shape).requireGrad();
  }

  private static int[] s(int... dims) {
    return dims;
  }

  @Test
  void compositeExpression() {
    // f = sum((a*b + a)^2), u = a*(b+1): df/da = 2u(b+1), df/db = 2u*a
    Tensor a = leaf(s(2), 1, 2);
    Tensor b = leaf(s(2), 3, 4);
    try (GradientTape tape = backend.gradientTape()) {
      tape.backward(a.mul(b).add(a).square().sum());
    }
    assertValues(a.grad(), s(2), 32, 100);
    assertValues(b.grad(), s(2), 8, 40);
  }

  @Test
  void broadcastGradientsAreSummedBackToTheOperandShape() {
    Tensor x = leaf(s(2, 3), 1, 2, 3, 4, 5, 6);
    Tensor bias = leaf(s(3), 0, 0, 0);
    Tensor column = leaf(s(2, 1), 1, 1);
    Tensor w = backend.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    try (GradientTape tape = backend.gradientTape()) {
      // loss = sum(((x + bias) * column) * w)
      tape.backward(x.add(bias).mul(column).mul(w).sum());
    }
    assertValues(x.grad(), s(2, 3), 1, 2, 3, 4, 5, 6);
    assertValues(bias.grad(), s(3), 5, 7, 9);
    // d/dcolumn[r] = sum_j x[r,j] w[r,j] = 1+4+9, 16+25+36
    assertValues(column.grad(), s(2, 1), 14, 77);
  }

  @Test
  void aTensorUsedSeveralTimesGetsTheSumOfItsGradients() {
    Tensor x = leaf(s(2), 3, -1);
    try (GradientTape tape = backend.gradientTape()) {
      Tensor y = x.mul(x).add(x).sub(x.mul(2)); // x^2 - x: derivative 2x - 1
      tape.backward(y.sum());
    }
    assertValues(x.grad(), s(2), 5, -3);
  }

  @Test
  void gradientsAccumulateUntilZeroGrad() {
    Tensor x = leaf(s(2), 1, 2);
    for (int i = 0; i < 2; i++) {
      try (GradientTape tape = backend.gradientTape()) {
        tape.backward(x.mul(3).sum());
      }
    }
    assertValues(x.grad(), s(2), 6, 6);
    x.zeroGrad();
    assertThat(x.grad()).isNull();
    try (GradientTape tape = backend.gradientTape()) {
      tape.backward(x.mul(3).sum());
    }
    assertValues(x.grad(), s(2), 3, 3);
  }

  @Test
  void leafGradientsAreNotLinkedToTheGraph() {
    Tensor x = leaf(s(2), 1, 2);
    try (GradientTape tape = backend.gradientTape()) {
      tape.backward(x.square().sum());
    }
    Tensor grad = x.grad();
    assertThat(grad.requiresGrad()).isFalse();
    assertThat(((NativeTensor) grad).node()).isNull();
    assertThat(x.requiresGrad()).isTrue();
    assertThat(((NativeTensor) x).node()).isNull();
  }

  @Test
  void detachCutsTheGraph() {
    Tensor x = leaf(s(2), 2, 5);
    try (GradientTape tape = backend.gradientTape()) {
      Tensor d = x.detach();
      assertThat(d.requiresGrad()).isFalse();
      tape.backward(x.mul(d).sum()); // d/dx (x * const) = const = x
    }
    assertValues(x.grad(), s(2), 2, 5);
  }

  @Test
  void inputsThatDoNotRequireGradGetNone() {
    Tensor x = leaf(s(2), 1, 2);
    Tensor c = backend.of(new float[] {3, 4}, 2);
    try (GradientTape tape = backend.gradientTape()) {
      tape.backward(x.mul(c).sum());
    }
    assertValues(x.grad(), s(2), 3, 4);
    assertThat(c.grad()).isNull();
  }

  @Test
  void nothingIsRecordedOutsideATape() {
    Tensor x = leaf(s(2), 1, 2);
    Tensor y = x.mul(2);
    assertThat(y.requiresGrad()).isFalse();
    try (GradientTape tape = backend.gradientTape()) {
      assertThatThrownBy(() -> tape.backward(y.sum()))
          .hasMessageContaining("backward: the tensor does not require grad");
    }
    assertThat(x.grad()).isNull();
  }

  @Test
  void aTapeRecordsOnlyOnItsOwnThread() throws Exception {
    Tensor x = leaf(s(1), 1);
    try (GradientTape tape = backend.gradientTape()) {
      Tensor other = CompletableFuture.supplyAsync(() -> x.mul(2)).get();
      assertThat(other.requiresGrad()).isFalse();
      assertThat(x.mul(2).requiresGrad()).isTrue();
    }
  }

  @Test
  void tapesDoNotNest() {
    try (GradientTape tape = backend.gradientTape()) {
      assertThatThrownBy(backend::gradientTape)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("tapes do not nest");
    }
    backend.gradientTape().close(); // the first tape's close released the thread
  }

  @Test
  void backwardFromANonScalarNeedsAGradient() {
    Tensor x = leaf(s(2), 1, 2);
    try (GradientTape tape = backend.gradientTape()) {
      Tensor y = x.square();
      assertThatThrownBy(() -> tape.backward(y))
          .hasMessageContaining("backward: the loss must have one element, its shape is [2]");
      tape.backward(y, backend.of(new float[] {1, 10}, 2));
    }
    assertValues(x.grad(), s(2), 2, 40);
  }

  @Test
  void aMultiOutputNodeRunsOnceWithTheGradientsOfAllItsOutputs() {
    Tensor x = leaf(s(2), 1, 2);
    AtomicInteger calls = new AtomicInteger();
    float[][][] seen = new float[1][][];
    try (GradientTape tape = backend.gradientTape()) {
      NativeTensor in = (NativeTensor) x;
      // A toy op with outputs (x, 2x): dx = g0 + 2 g1.
      List<NativeTensor> outs =
          backend.results(
              "pair", new float[][] {{1, 2}, {2, 4}}, new int[][] {{2}, {2}},
              (g, needs) -> {
                calls.incrementAndGet();
                seen[0] = g;
                float[] dx = new float[2];
                for (int i = 0; i < 2; i++) {
                  dx[i] = (g[0] == null ? 0 : g[0][i]) + 2 * (g[1] == null ? 0 : g[1][i]);
                }
                return new float[][] {dx};
              },
              in);
      Tensor loss = outs.get(0).sum().add(outs.get(1).mul(3).sum()).add(outs.get(1).sum());
      tape.backward(loss);
    }
    assertThat(calls).hasValue(1);
    assertThat(seen[0][0]).containsExactly(1, 1);
    assertThat(seen[0][1]).containsExactly(4, 4);
    assertValues(x.grad(), s(2), 9, 9);
  }

  @Test
  void anUnusedOutputOfAMultiOutputNodeGetsNull() {
    Tensor x = leaf(s(1), 1);
    float[][][] seen = new float[1][][];
    try (GradientTape tape = backend.gradientTape()) {
      List<NativeTensor> outs =
          backend.results(
              "pair", new float[][] {{1}, {1}}, new int[][] {{1}, {1}},
              (g, needs) -> {
                seen[0] = g;
                return new float[][] {g[1]};
              },
              (NativeTensor) x);
      tape.backward(outs.get(1).sum());
    }
    assertThat(seen[0][0]).isNull();
    assertValues(x.grad(), s(1), 1);
  }

  @Test
  void deepGraphsDoNotOverflowTheStack() {
    Tensor x = leaf(s(1), 0);
    try (GradientTape tape = backend.gradientTape()) {
      Tensor y = x;
      for (int i = 0; i < 20_000; i++) {
        y = y.add(1);
      }
      tape.backward(y.sum());
    }
    assertValues(x.grad(), s(1), 1);
  }

  @Test
  void theSpiAttachGradientDefaultWorks() {
    Tensor input = leaf(s(2, 2), 1, 2, 3, 4);
    Tensor value = backend.of(new float[] {10, 20}, 2);
    Tensor jacobian = backend.of(new float[] {1, -1, 0.5f, 2}, 2, 2);
    try (GradientTape tape = backend.gradientTape()) {
      Tensor attached = backend.attachGradient(input, value, jacobian);
      assertValues(attached, s(2), 10, 20);
      tape.backward(attached.sum());
    }
    assertValues(input.grad(), s(2, 2), 1, -1, 0.5f, 2);
  }
}
