package dev.seq2seq.djl.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.check.CheckResult;
import dev.seq2seq.check.ParityCheck;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every op, every recurrent configuration (cell x uni/bi x 1/2 layers on a padded batch), the
 * three attentions and the losses (cross-entropy with padding and label smoothing, MSE, CTC) give
 * the same values and gradients on djl as on the native backend, from the same inputs.
 */
class DjlNativeParityTest {

  static List<ParityCheck.Case> cases() {
    return ParityCheck.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithNative(ParityCheck.Case c) {
    CheckResult r = ParityCheck.compare(c, Backends.djl(), Backends.reference());
    assertThat(r.passed()).as(r.name() + ": " + r.detail()).isTrue();
    assertThat(r.maxError()).isLessThanOrEqualTo(ParityCheck.GRADIENT_TOLERANCE);
  }
}
