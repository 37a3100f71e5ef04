package dev.seq2seq.nativebackend;

import static dev.seq2seq.nativebackend.Checks.assertValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.Tensor;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class LayoutAndMatmulTest {
  private static final NativeBackend backend = NativeBackend.create(1);

  @AfterAll
  static void close() {
    backend.close();
  }

  private static Tensor range(int... shape) {
    float[] v = new float[dev.seq2seq.backend.Shape.of(shape).sizeInt()];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return backend.of(v, shape);
  }

  private static int[] s(int... dims) {
    return dims;
  }

  @Test
  void reshapeInfersOneDimension() {
    assertValues(range(2, 3).reshape(3, -1), s(3, 2), 0, 1, 2, 3, 4, 5);
    assertValues(range(2, 3).reshape(-1), s(6), 0, 1, 2, 3, 4, 5);
    assertThatThrownBy(() -> range(2, 3).reshape(4, -1))
        .hasMessage("reshape: cannot reshape [2, 3] (6 elements) into [4, -1]");
    assertThatThrownBy(() -> range(2, 3).reshape(-1, -1)).hasMessageContaining("reshape:");
  }

  @Test
  void transposeCopiesWithSwappedAxes() {
    assertValues(range(2, 3).transpose(0, 1), s(3, 2), 0, 3, 1, 4, 2, 5);
    // [2, 2, 3] with axes 0 and 2 swapped -> [3, 2, 2]: out[k, j, i] = in[i, j, k]
    assertValues(range(2, 2, 3).transpose(0, -1), s(3, 2, 2), 0, 6, 3, 9, 1, 7, 4, 10, 2, 8, 5,
        11);
    Tensor ints = backend.ofInts(new int[] {1, 2, 3, 4, 5, 6}, 2, 3).transpose(0, 1);
    assertThat(ints.toIntArray()).containsExactly(1, 4, 2, 5, 3, 6);
  }

  @Test
  void sliceTakesARangeOfAnAxis() {
    assertValues(range(2, 4).slice(1, 1, 3), s(2, 2), 1, 2, 5, 6);
    assertValues(range(3, 2).slice(0, 2, 3), s(1, 2), 4, 5);
    assertValues(range(3, 2).slice(0, 1, 1), s(0, 2));
    assertThatThrownBy(() -> range(3, 4).slice(1, 2, 5))
        .hasMessage("slice: range [2, 5) is out of bounds for axis 1 of shape [3, 4]");
  }

  @Test
  void concatAndStackJoinAlongAnAxis() {
    Tensor a = range(2, 2);
    Tensor b = range(2, 1).add(10);
    assertValues(backend.concat(List.of(a, b), 1), s(2, 3), 0, 1, 10, 2, 3, 11);
    assertValues(backend.concat(List.of(a, a), 0), s(4, 2), 0, 1, 2, 3, 0, 1, 2, 3);
    assertValues(backend.stack(List.of(range(2), range(2).add(5)), 1), s(2, 2), 0, 5, 1, 6);
    Tensor ints = backend.concat(
        List.of(backend.ofInts(new int[] {1}, 1), backend.ofInts(new int[] {2, 3}, 2)), 0);
    assertThat(ints.dtype()).isEqualTo(DType.INT32);
    assertThat(ints.toIntArray()).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> backend.concat(List.of(range(2, 2), range(3, 3)), 1))
        .hasMessageContaining("concat: parts must agree on every axis but 1")
        .hasMessageContaining("[2, 2]")
        .hasMessageContaining("[3, 3]");
  }

  @Test
  void conversions() {
    Tensor f = backend.of(new float[] {1.9f, -1.9f, 3f}, 3);
    assertThat(f.to(DType.INT32).toIntArray()).containsExactly(1, -1, 3);
    assertValues(backend.ofInts(new int[] {4, 5}, 2).to(DType.FLOAT32), s(2), 4, 5);
    assertThat(f.toDoubleArray()).containsExactly(1.9f, -1.9f, 3f);
    assertThatThrownBy(f::toIntArray).hasMessageContaining("toIntArray: needs an INT32 tensor");
    assertThatThrownBy(() -> f.to(DType.FLOAT64)).hasMessageContaining("FLOAT64");
  }

  @Test
  void matmulOfMatrices() {
    // [[0,1,2],[3,4,5]] · [[0,1],[2,3],[4,5]] = [[10,13],[28,40]]
    assertValues(range(2, 3).matmul(range(3, 2)), s(2, 2), 10, 13, 28, 40);
  }

  @Test
  void matmulBatched() {
    Tensor a = range(2, 1, 2); // [[0,1]], [[2,3]]
    Tensor b = range(2, 2, 1); // [[0],[1]], [[2],[3]]
    assertValues(a.matmul(b), s(2, 1, 1), 1, 13);
  }

  @Test
  void matmulFlattensLeadingAxesOfTheLeftOperand() {
    Tensor a = range(2, 2, 3);
    Tensor b = backend.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
    // rows [0,1,2],[3,4,5],[6,7,8],[9,10,11] · b -> [x0 + x2, x1 + x2]
    assertValues(a.matmul(b), s(2, 2, 2), 2, 3, 8, 9, 14, 15, 20, 21);
  }

  @Test
  void matmulErrorsNameTheShapes() {
    assertThatThrownBy(() -> range(2, 3).matmul(range(4, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("matmul: shapes [2, 3] and [4, 5] do not agree on k");
    assertThatThrownBy(() -> range(2, 2, 3).matmul(range(3, 3, 1)))
        .hasMessage("matmul: shapes [2, 2, 3] and [3, 3, 1] batch sizes differ");
    assertThatThrownBy(() -> range(2, 3).matmul(range(3)))
        .hasMessageStartingWith("matmul: shapes [2, 3] and [3] are not a supported form");
  }

  @Test
  void aWeightUpdatedInPlaceIsRepackedForFewRowProducts() {
    // x W^T with one row reads W^T from a packed copy; an in-place update must invalidate it.
    Tensor w = range(70, 5);
    Tensor x = range(1, 5);
    float[] before = x.matmul(w.transpose(0, 1)).toFloatArray();
    float[] ones = new float[70 * 5];
    java.util.Arrays.fill(ones, 1f);
    w.addInPlace(backend.of(ones, 70, 5), 1.0);
    float[] after = x.matmul(w.transpose(0, 1)).toFloatArray();
    float[] fresh = x.matmul(backend.of(w.toFloatArray(), 70, 5).transpose(0, 1)).toFloatArray();
    assertThat(after).containsExactly(fresh);
    assertThat(after[0]).isEqualTo(before[0] + 10f); // 0+1+2+3+4 more
    w.mulInPlace(2.0);
    assertThat(x.matmul(w.transpose(0, 1)).toFloatArray())
        .containsExactly(x.matmul(backend.of(w.toFloatArray(), 70, 5).transpose(0, 1)).toFloatArray());
  }
}
