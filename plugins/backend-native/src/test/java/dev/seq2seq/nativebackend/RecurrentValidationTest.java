package dev.seq2seq.nativebackend;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The checks {@code recurrent} makes before calling the kernels. The numerics of the fused layers
 * are covered by the kernels' own tests and the conformance kit.
 */
class RecurrentValidationTest {
  private static final NativeBackend backend = NativeBackend.create(1);
  private static final RecurrentSpec GRU = new RecurrentSpec(CellType.GRU, 4, 3, 1, false);

  @AfterAll
  static void close() {
    backend.close();
  }

  private static List<Tensor> weights(RecurrentSpec spec) {
    List<Tensor> weights = new ArrayList<>();
    for (int i = 0; i < spec.weightNames().size(); i++) {
      weights.add(backend.zeros(DType.FLOAT32, spec.weightShape(i)));
    }
    return weights;
  }

  private static Tensor input(int... shape) {
    return backend.zeros(DType.FLOAT32, shape);
  }

  @Test
  void inputMustMatchTheSpec() {
    assertThatThrownBy(() -> backend.recurrent(GRU, input(2, 5, 3), null, null, weights(GRU)))
        .hasMessage("recurrent: input must be [batch, time, 4], got [2, 5, 3]");
  }

  @Test
  void weightsAreCheckedByName() {
    List<Tensor> w = weights(GRU);
    w.set(1, input(9, 4));
    assertThatThrownBy(() -> backend.recurrent(GRU, input(2, 5, 4), null, null, w))
        .hasMessage("recurrent: weight_hh_l0 must be [9, 3], got [9, 4]");
    assertThatThrownBy(() -> backend.recurrent(GRU, input(2, 5, 4), null, null, w.subList(0, 2)))
        .hasMessageContaining("expected 4 weights [weight_ih_l0, weight_hh_l0, bias_ih_l0,"
            + " bias_hh_l0], got 2");
  }

  @Test
  void lengthsAndStatesAreChecked() {
    assertThatThrownBy(
            () -> backend.recurrent(GRU, input(2, 5, 4), new int[] {5, 6}, null, weights(GRU)))
        .hasMessageContaining("recurrent: length 6 is outside 0..5");
    assertThatThrownBy(
            () -> backend.recurrent(GRU, input(2, 5, 4), new int[] {5}, null, weights(GRU)))
        .hasMessage("recurrent: 1 lengths for a batch of 2");
    RecurrentState wrongH = new RecurrentState(input(1, 3, 3), null);
    assertThatThrownBy(() -> backend.recurrent(GRU, input(2, 5, 4), null, wrongH, weights(GRU)))
        .hasMessage("recurrent: initial hidden state must be [1, 2, 3], got [1, 3, 3]");
    RecurrentState withC = new RecurrentState(input(1, 2, 3), input(1, 2, 3));
    assertThatThrownBy(() -> backend.recurrent(GRU, input(2, 5, 4), null, withC, weights(GRU)))
        .hasMessageContaining("an initial cell state was given, but gru cells have none");
  }
}
