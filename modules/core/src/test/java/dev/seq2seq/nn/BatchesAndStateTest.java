package dev.seq2seq.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchesAndStateTest {
  private final Backend backend = HostOnlyBackend.create();

  @Test
  void paddingMaskMarksStepsPastEachLength() {
    Tensor mask = Batches.paddingMask(backend, new int[] {3, 1, 0}, 3);
    assertThat(mask.shape().dims()).containsExactly(3, 3);
    assertThat(mask.toFloatArray()).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 1);
  }

  @Test
  void paddingMaskRejectsLengthsOutsideTheBatch() {
    assertThatThrownBy(() -> Batches.paddingMask(backend, new int[] {4}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length 4");
  }

  @Test
  void repeatIndicesKeepCopiesOfARowTogether() {
    assertThat(Batches.repeatIndices(2, 3)).containsExactly(0, 0, 0, 1, 1, 1);
  }

  @Test
  void selectRejectsOutOfRangeIndices() {
    Tensor x = backend.of(new float[6], 2, 3);
    assertThatThrownBy(() -> Batches.select(x, 0, new int[] {2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 2");
  }

  @Test
  void encoderOutputChecksAgreementAndCopiesLengths() {
    Tensor states = backend.of(new float[12], 2, 3, 2);
    Tensor mask = Batches.paddingMask(backend, new int[] {3, 2}, 3);
    int[] lengths = {3, 2};
    EncoderOutput out = new EncoderOutput(states, lengths, mask, null);
    lengths[0] = 0;
    assertThat(out.lengths()).containsExactly(3, 2);
    assertThat(out.batch()).isEqualTo(2);
    assertThat(out.time()).isEqualTo(3);
    assertThat(out.hidden()).isEqualTo(2);
    assertThatThrownBy(() -> new EncoderOutput(states, new int[] {3}, mask, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("disagrees");
  }

  @Test
  void forwardModeNeedsAGeneratorToTrainAndEvalIsIdentity() {
    assertThatThrownBy(() -> new ForwardMode(true, null))
        .isInstanceOf(IllegalArgumentException.class);
    Tensor x = backend.of(new float[] {1, 2}, 2);
    assertThat(ForwardMode.eval().dropout(x, 0.5)).isSameAs(x);
    assertThat(ForwardMode.train(new SplittableRandom(1)).dropout(x, 0.0)).isSameAs(x);
  }

  @Test
  void decoderStateNeedsARecurrentState() {
    assertThatThrownBy(() -> new DecoderState(null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
