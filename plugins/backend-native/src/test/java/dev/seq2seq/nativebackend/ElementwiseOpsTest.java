package dev.seq2seq.nativebackend;

import static dev.seq2seq.nativebackend.Checks.assertValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ElementwiseOpsTest {
  private static final NativeBackend backend = NativeBackend.create(2);

  @AfterAll
  static void close() {
    backend.close();
  }

  private static Tensor t(int[] shape, float... values) {
    return backend.of(values, shape);
  }

  private static int[] s(int... dims) {
    return dims;
  }

  @Test
  void sameShapeArithmetic() {
    Tensor a = t(s(2, 2), 1, 2, 3, 4);
    Tensor b = t(s(2, 2), 5, 6, 7, 8);
    assertValues(a.add(b), s(2, 2), 6, 8, 10, 12);
    assertValues(a.sub(b), s(2, 2), -4, -4, -4, -4);
    assertValues(a.mul(b), s(2, 2), 5, 12, 21, 32);
    assertValues(b.div(a), s(2, 2), 5, 3, 7f / 3, 2);
  }

  @Test
  void broadcastsARowAColumnAndAScalar() {
    Tensor m = t(s(2, 3), 1, 2, 3, 4, 5, 6);
    assertValues(m.add(t(s(3), 10, 20, 30)), s(2, 3), 11, 22, 33, 14, 25, 36);
    assertValues(m.mul(t(s(2, 1), 2, 3)), s(2, 3), 2, 4, 6, 12, 15, 18);
    assertValues(m.sub(t(s(), 1)), s(2, 3), 0, 1, 2, 3, 4, 5);
    // The broadcast operand on the left: [2, 1] - [3] -> [2, 3].
    assertValues(t(s(2, 1), 10, 20).sub(t(s(3), 1, 2, 3)), s(2, 3), 9, 8, 7, 19, 18, 17);
    assertValues(t(s(1, 3), 2, 4, 8).div(t(s(2, 1), 1, 2)), s(2, 3), 2, 4, 8, 1, 2, 4);
  }

  @Test
  void broadcastsAcrossThreeAxes() {
    // [2, 1, 2] + [3, 1] -> [2, 3, 2]
    Tensor a = t(s(2, 1, 2), 1, 2, 3, 4);
    Tensor b = t(s(3, 1), 10, 20, 30);
    assertValues(a.add(b), s(2, 3, 2), 11, 12, 21, 22, 31, 32, 13, 14, 23, 24, 33, 34);
  }

  @Test
  void incompatibleShapesNameTheOpAndShapes() {
    assertThatThrownBy(() -> t(s(2, 3), 1, 2, 3, 4, 5, 6).add(t(s(2), 1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("add: shapes [2, 3] and [2] do not broadcast");
  }

  @Test
  void scalarOps() {
    Tensor a = t(s(3), 1, -2, 3);
    assertValues(a.add(0.5), s(3), 1.5f, -1.5f, 3.5f);
    assertValues(a.mul(-2), s(3), -2, 4, -6);
    assertValues(a.neg(), s(3), -1, 2, -3);
  }

  @Test
  void unaryFunctions() {
    Tensor a = t(s(3), -1, 0, 2);
    assertValues(a.exp(), s(3), (float) Math.exp(-1), 1, (float) Math.exp(2));
    assertValues(a.square(), s(3), 1, 0, 4);
    assertValues(a.relu(), s(3), 0, 0, 2);
    assertValues(a.tanh(), s(3), (float) Math.tanh(-1), 0, (float) Math.tanh(2));
    assertValues(a.sigmoid(), s(3), (float) (1 / (1 + Math.exp(1))), 0.5f,
        (float) (1 / (1 + Math.exp(-2))));
    assertValues(t(s(2), 4, 9).sqrt(), s(2), 2, 3);
    assertValues(t(s(2), 1, (float) Math.E).log(), s(2), 0, 1);
  }

  @Test
  void sigmoidSaturatesWithoutOverflow() {
    float[] y = t(s(2), -1000, 1000).sigmoid().toFloatArray();
    assertThat(y).containsExactly(0f, 1f);
  }

  @Test
  void largeTensorsTakeTheParallelPathWithTheSameResult() {
    int n = (1 << 16) + 3; // past the threshold, and not a multiple of the vector length
    float[] a = new float[n];
    float[] b = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = i % 17;
      b[i] = i % 5 + 1;
    }
    float[] sum = t(s(n), a).add(t(s(n), b)).toFloatArray();
    float[] quotient = t(s(n / 7 + 1, 7), Arrays.copyOf(a, (n / 7 + 1) * 7))
        .div(t(s(7), 1, 2, 3, 4, 5, 6, 7)).toFloatArray();
    float[] squares = t(s(n), a).square().toFloatArray();
    for (int i = 0; i < n; i++) {
      assertThat(squares[i]).isEqualTo(a[i] * a[i]);
      assertThat(sum[i]).isEqualTo(a[i] + b[i]);
      assertThat(quotient[i]).isEqualTo(a[i] / (i % 7 + 1));
    }
  }

  @Test
  void intTensorsAreRejectedByArithmetic() {
    assertThatThrownBy(() -> backend.ofInts(new int[] {1}, 1).add(t(s(1), 1)))
        .hasMessageContaining("add: needs a FLOAT32 tensor, got INT32 [1]");
  }
}
