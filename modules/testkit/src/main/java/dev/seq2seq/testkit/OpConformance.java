package dev.seq2seq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forward values of every op on small literal inputs (expectations computed by hand or with
 * NumPy), NumPy broadcasting, and shape errors. Gradients are in {@link OpGradientConformance},
 * the tape contract in {@link TapeConformance}, in-place updates in {@link InPlaceConformance}.
 */
public abstract class OpConformance extends BackendFixture {

  private Tensor m23() {
    return t(f(1, 2, 3, 4, 5, 6), 2, 3);
  }

  @Test
  void createsAndReadsBack() {
    Tensor x = m23();
    assertThat(x.dtype()).isEqualTo(DType.FLOAT32);
    assertTensor(x, shape(2, 3), f(1, 2, 3, 4, 5, 6), 0);
    assertThat(x.toDoubleArray()).containsExactly(1, 2, 3, 4, 5, 6);
    assertTensor(backend().of(new double[] {0.5, -2}, DType.FLOAT32, 2), shape(2), f(0.5f, -2), 0);
    Tensor i = ints(new int[] {3, -1, 7}, 3);
    assertThat(i.dtype()).isEqualTo(DType.INT32);
    assertThat(i.toIntArray()).containsExactly(3, -1, 7);
    assertTensor(backend().zeros(DType.FLOAT32, 2, 2), shape(2, 2), f(0, 0, 0, 0), 0);
    assertThat(backend().scalar(2.5).item()).isEqualTo(2.5);
    assertThat(backend().supports(DType.FLOAT32)).isTrue();
    assertThat(backend().supports(DType.INT32)).isTrue();
  }

  @Test
  void convertsBetweenTypes() {
    assertThat(t(f(1, 2, -3), 3).to(DType.INT32).toIntArray()).containsExactly(1, 2, -3);
    assertTensor(ints(new int[] {4, -5}, 2).to(DType.FLOAT32), shape(2), f(4, -5), 0);
  }

  @Test
  void opsDoNotModifyTheirInputs() {
    Tensor x = m23();
    Tensor y = t(f(10, 20, 30), 3);
    x.add(y);
    x.mul(2.0);
    x.exp();
    x.transpose(0, 1);
    assertTensor(x, shape(2, 3), f(1, 2, 3, 4, 5, 6), 0);
    assertTensor(y, shape(3), f(10, 20, 30), 0);
  }

  @Test
  void elementwiseArithmetic() {
    Tensor a = t(f(1, 2, 3), 3);
    Tensor b = t(f(2, 4, 8), 3);
    assertTensor(a.add(b), shape(3), f(3, 6, 11));
    assertTensor(a.sub(b), shape(3), f(-1, -2, -5));
    assertTensor(a.mul(b), shape(3), f(2, 8, 24));
    assertTensor(a.div(b), shape(3), f(0.5f, 0.5f, 0.375f));
    assertTensor(a.add(0.5), shape(3), f(1.5f, 2.5f, 3.5f));
    assertTensor(a.mul(-2.0), shape(3), f(-2, -4, -6));
    assertTensor(a.neg(), shape(3), f(-1, -2, -3));
  }

  @Test
  void broadcastsTrailingAxes() {
    assertTensor(m23().add(t(f(10, 20, 30), 3)), shape(2, 3), f(11, 22, 33, 14, 25, 36));
    assertTensor(m23().mul(t(f(2), 1)), shape(2, 3), f(2, 4, 6, 8, 10, 12));
    assertTensor(m23().div(t(f(1, 2), 2, 1)), shape(2, 3), f(1, 2, 3, 2, 2.5f, 3));
  }

  @Test
  void broadcastsBothOperands() {
    Tensor col = t(f(1, 2), 2, 1);
    Tensor row = t(f(10, 20, 30), 1, 3);
    assertTensor(col.add(row), shape(2, 3), f(11, 21, 31, 12, 22, 32));
    // Lower rank on the left, and a size-1 axis on the right: [3] - [2, 1] -> [2, 3].
    assertTensor(t(f(1, 2, 3), 3).sub(col), shape(2, 3), f(0, 1, 2, -1, 0, 1));
    // Rank 3 against rank 2: [2, 1, 2] * [3, 1] -> [2, 3, 2].
    Tensor x = t(f(1, 2, 3, 4), 2, 1, 2);
    Tensor y = t(f(1, 10, 100), 3, 1);
    assertTensor(x.mul(y), shape(2, 3, 2),
        f(1, 2, 10, 20, 100, 200, 3, 4, 30, 40, 300, 400));
  }

  @Test
  void incompatibleShapesAreRejectedWithBothShapesNamed() {
    Tensor a = m23();
    Tensor b = t(f(1, 2, 3, 4), 4);
    for (Runnable op : List.<Runnable>of(() -> a.add(b), () -> a.sub(b), () -> a.mul(b),
        () -> a.div(b))) {
      assertThatThrownBy(op::run)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[2, 3]")
          .hasMessageContaining("[4]");
    }
    Tensor c = t(new float[20], 4, 5);
    assertThatThrownBy(() -> a.matmul(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2, 3]")
        .hasMessageContaining("[4, 5]");
    assertThatThrownBy(() -> a.reshape(4, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tensor.concat(List.of(a, c), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unaryMaths() {
    assertTensor(t(f(0, 1, -1), 3).exp(), shape(3), f(1, 2.7182817f, 0.36787945f));
    assertTensor(t(f(1, 2.7182817f, 0.5f), 3).log(), shape(3), f(0, 1, -0.6931472f));
    assertTensor(t(f(4, 9, 2), 3).sqrt(), shape(3), f(2, 3, 1.4142135f));
    assertTensor(t(f(-3, 0.5f), 2).square(), shape(2), f(9, 0.25f));
    assertTensor(t(f(0, 2, -2), 3).sigmoid(), shape(3), f(0.5f, 0.8807971f, 0.11920292f));
    assertTensor(t(f(0, 1, -0.5f), 3).tanh(), shape(3), f(0, 0.7615942f, -0.46211716f));
    assertTensor(t(f(-1, 0, 2), 3).relu(), shape(3), f(0, 0, 2), 0);
  }

  @Test
  void saturatingFunctionsStayFinite() {
    assertTensor(t(f(-100, 100), 2).sigmoid(), shape(2), f(0, 1));
    assertTensor(t(f(-100, 100), 2).tanh(), shape(2), f(-1, 1));
  }

  @Test
  void matmulInAllThreeForms() {
    Tensor b = t(f(7, 8, 9, 10, 11, 12), 3, 2);
    assertTensor(m23().matmul(b), shape(2, 2), f(58, 64, 139, 154));
    Tensor x = t(f(1, 2, 3, 4), 2, 1, 2);
    Tensor y = t(f(5, 6, 7, 8), 2, 2, 1);
    assertTensor(x.matmul(y), shape(2, 1, 1), f(17, 53));
    Tensor z = t(f(1, 2, 3, 4, 5, 6, 7, 8), 2, 2, 2);
    assertTensor(z.matmul(t(f(1, 2), 2, 1)), shape(2, 2, 1), f(5, 11, 17, 23));
  }

  @Test
  void layoutOps() {
    assertTensor(m23().transpose(0, 1), shape(3, 2), f(1, 4, 2, 5, 3, 6), 0);
    assertTensor(t(f(1, 2, 3, 4, 5, 6), 2, 1, 3).transpose(0, 2), shape(3, 1, 2),
        f(1, 4, 2, 5, 3, 6), 0);
    assertTensor(m23().transpose(-1, -2), shape(3, 2), f(1, 4, 2, 5, 3, 6), 0);
    assertTensor(m23().reshape(3, -1), shape(3, 2), f(1, 2, 3, 4, 5, 6), 0);
    assertTensor(m23().reshape(6), shape(6), f(1, 2, 3, 4, 5, 6), 0);
    assertTensor(m23().slice(1, 1, 3), shape(2, 2), f(2, 3, 5, 6), 0);
    assertTensor(m23().slice(0, 1, 2), shape(1, 3), f(4, 5, 6), 0);
    assertTensor(m23().slice(-1, 0, 1), shape(2, 1), f(1, 4), 0);
  }

  @Test
  void concatAndStack() {
    Tensor a = t(f(1, 2), 1, 2);
    Tensor b = t(f(3, 4, 5, 6), 2, 2);
    assertTensor(Tensor.concat(List.of(a, b), 0), shape(3, 2), f(1, 2, 3, 4, 5, 6), 0);
    assertTensor(Tensor.concat(List.of(b, b.slice(1, 0, 1)), 1), shape(2, 3),
        f(3, 4, 3, 5, 6, 5), 0);
    Tensor c = t(f(1, 2, 3), 3);
    Tensor d = t(f(4, 5, 6), 3);
    assertTensor(backend().stack(List.of(c, d), 0), shape(2, 3), f(1, 2, 3, 4, 5, 6), 0);
    assertTensor(backend().stack(List.of(c, d), 1), shape(3, 2), f(1, 4, 2, 5, 3, 6), 0);
    assertTensor(backend().stack(List.of(c, d), -1), shape(3, 2), f(1, 4, 2, 5, 3, 6), 0);
  }

  @Test
  void softmaxIsStableAndNormalised() {
    float[] p = {0.09003057f, 0.24472847f, 0.66524096f};
    assertTensor(t(f(1, 2, 3), 3).softmax(0), shape(3), p);
    assertTensor(t(f(1000, 1001, 1002), 1, 3).softmax(-1), shape(1, 3), p);
    assertTensor(t(f(1, 1, 1, 3), 2, 2).softmax(0), shape(2, 2),
        f(0.5f, 0.11920292f, 0.5f, 0.8807971f));
    assertTensor(t(f(1, 2, 3), 3).logSoftmax(0), shape(3),
        f(-2.407606f, -1.407606f, -0.40760595f));
    assertTensor(t(f(1000, 0), 1, 2).logSoftmax(1), shape(1, 2), f(0, -1000), 1e-3);
    // A fully masked attention row (every score -1e9) is uniform, not NaN.
    assertTensor(t(f(-1e9f, -1e9f, 0, 1), 2, 2).softmax(-1), shape(2, 2),
        f(0.5f, 0.5f, 0.26894143f, 0.7310586f));
  }

  @Test
  void indexing() {
    Tensor table = t(f(0, 1, 2, 3, 4, 5), 3, 2);
    assertTensor(table.take(ints(new int[] {2, 0, 2, 1}, 2, 2)), shape(2, 2, 2),
        f(4, 5, 0, 1, 4, 5, 2, 3), 0);
    assertTensor(m23().takeAlongAxis(1, ints(new int[] {2, 0, 1, 1}, 2, 2)), shape(2, 2),
        f(3, 1, 5, 5), 0);
    assertTensor(m23().takeAlongAxis(0, ints(new int[] {1, 0, 1}, 1, 3)), shape(1, 3),
        f(4, 2, 6), 0);
    assertTensor(m23().maskedFill(t(f(0, 1, 0), 1, 3), -9), shape(2, 3),
        f(1, -9, 3, 4, -9, 6), 0);
    assertTensor(m23().maskedFill(t(f(1, 0), 2, 1), -1e9), shape(2, 3),
        f(-1e9f, -1e9f, -1e9f, 4, 5, 6), 0);
  }

  @Test
  void reductions() {
    Tensor x = m23();
    assertThat(x.sum().shape().size()).isEqualTo(1);
    assertThat(x.sum().item()).isEqualTo(21.0);
    assertTensor(x.sum(0, false), shape(3), f(5, 7, 9));
    assertTensor(x.sum(1, true), shape(2, 1), f(6, 15));
    assertTensor(x.sum(-1, false), shape(2), f(6, 15));
    assertThat(x.mean().item()).isCloseTo(3.5, org.assertj.core.data.Offset.offset(1e-6));
    assertTensor(x.mean(1, false), shape(2), f(2, 5));
    Tensor y = t(f(1, 5, 3, 7, 2, 7), 2, 3);
    assertTensor(y.max(1, false), shape(2), f(5, 7), 0);
    assertTensor(y.max(0, true), shape(1, 3), f(7, 5, 7), 0);
    assertThat(y.argmax(1).dtype()).isEqualTo(DType.INT32);
    assertThat(y.argmax(1).toIntArray()).as("first maximal index").containsExactly(1, 0);
    assertThat(y.argmax(0).toIntArray()).containsExactly(1, 0, 1);
  }

  @Test
  void dropoutIsReproducibleAndInverted() {
    Tensor x = t(new float[64], 8, 8).add(1.0);
    assertThat(x.dropout(0.0, new java.util.SplittableRandom(3))).isSameAs(x);
    float[] a = x.dropout(0.25, new java.util.SplittableRandom(3)).toFloatArray();
    float[] b = x.dropout(0.25, new java.util.SplittableRandom(3)).toFloatArray();
    assertThat(a).containsExactly(b);
    int dropped = 0;
    for (float v : a) {
      assertThat(v).isIn(0f, 1f / 0.75f);
      dropped += v == 0 ? 1 : 0;
    }
    assertThat(dropped).isBetween(4, 30);
  }
}
