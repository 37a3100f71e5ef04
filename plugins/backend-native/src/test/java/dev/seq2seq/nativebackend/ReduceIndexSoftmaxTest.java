package dev.seq2seq.nativebackend;

import static dev.seq2seq.nativebackend.Checks.assertValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ReduceIndexSoftmaxTest {
  private static final NativeBackend backend = NativeBackend.create(1);

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
  void sums() {
    Tensor m = t(s(2, 3), 1, 2, 3, 4, 5, 6);
    assertValues(m.sum(), s(), 21);
    assertThat(m.sum().item()).isEqualTo(21.0);
    assertValues(m.sum(0, false), s(3), 5, 7, 9);
    assertValues(m.sum(1, true), s(2, 1), 6, 15);
    assertValues(m.sum(-1, false), s(2), 6, 15);
    assertValues(m.mean(), s(), 3.5f);
    assertValues(m.mean(0, false), s(3), 2.5f, 3.5f, 4.5f);
  }

  @Test
  void maxAndArgmaxPickTheFirstMaximum() {
    Tensor m = t(s(2, 3), 3, 1, 3, -1, -5, -2);
    assertValues(m.max(1, false), s(2), 3, -1);
    assertValues(m.max(0, true), s(1, 3), 3, 1, 3);
    Tensor arg = m.argmax(1);
    assertThat(arg.dtype()).isEqualTo(DType.INT32);
    assertThat(arg.shape().dims()).containsExactly(2);
    assertThat(arg.toIntArray()).containsExactly(0, 0);
    assertThat(m.argmax(0).toIntArray()).containsExactly(0, 0, 0);
  }

  @Test
  void softmaxIsStableForLargeInputs() {
    Tensor x = t(s(2, 2), 1000, 1000, 0, (float) Math.log(3));
    assertValues(x.softmax(1), s(2, 2), 0.5f, 0.5f, 0.25f, 0.75f);
    assertValues(x.logSoftmax(1), s(2, 2), (float) Math.log(0.5), (float) Math.log(0.5),
        (float) Math.log(0.25), (float) Math.log(0.75));
    // Along the first axis: columns (1000, 0) and (1000, log 3).
    float[] columns = x.softmax(0).toFloatArray();
    assertThat(columns[0]).isEqualTo(1f);
    assertThat(columns[2]).isEqualTo(0f);
  }

  @Test
  void takeLooksUpRows() {
    Tensor table = t(s(3, 2), 0, 1, 10, 11, 20, 21);
    Tensor ids = backend.ofInts(new int[] {2, 0, 2, 1}, 2, 2);
    assertValues(table.take(ids), s(2, 2, 2), 20, 21, 0, 1, 20, 21, 10, 11);
    assertThatThrownBy(() -> table.take(backend.ofInts(new int[] {3}, 1)))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("take: index 3 out of range for a table of 3 rows");
    assertThatThrownBy(() -> table.take(t(s(1), 0)))
        .hasMessageContaining("take: needs an INT32 tensor");
  }

  @Test
  void takeAlongAxisGathers() {
    Tensor x = t(s(2, 3), 1, 2, 3, 4, 5, 6);
    Tensor idx = backend.ofInts(new int[] {2, 0, 1, 1}, 2, 2);
    assertValues(x.takeAlongAxis(1, idx), s(2, 2), 3, 1, 5, 5);
    Tensor rows = backend.ofInts(new int[] {1, 0, 1}, 1, 3);
    assertValues(x.takeAlongAxis(0, rows), s(1, 3), 4, 2, 6);
    assertThatThrownBy(() -> x.takeAlongAxis(1, backend.ofInts(new int[] {0, 0, 0}, 3, 1)))
        .hasMessageContaining("takeAlongAxis: indices [3, 1] must have the rank of [2, 3]");
    assertThatThrownBy(() -> x.takeAlongAxis(1, backend.ofInts(new int[] {3, 0}, 2, 1)))
        .hasMessageContaining("takeAlongAxis: index 3 out of range for axis 1");
  }

  @Test
  void maskedFillBroadcastsTheMask() {
    Tensor x = t(s(2, 3), 1, 2, 3, 4, 5, 6);
    Tensor mask = backend.ofInts(new int[] {0, 1, 1}, 3);
    assertValues(x.maskedFill(mask, -9), s(2, 3), 1, -9, -9, 4, -9, -9);
    Tensor rows = t(s(2, 1), 1, 0);
    assertValues(x.maskedFill(rows, 0), s(2, 3), 0, 0, 0, 4, 5, 6);
    assertThatThrownBy(() -> t(s(3), 1, 2, 3).maskedFill(t(s(2, 3), new float[6]), 0))
        .hasMessage("maskedFill: mask [2, 3] does not broadcast to [3]");
  }
}
