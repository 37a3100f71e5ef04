package dev.seq2seq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.check.CheckResult;
import dev.seq2seq.check.GradientCheck;
import dev.seq2seq.check.OpChecks;
import dev.seq2seq.backend.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference gradient checks of every differentiable op (the cases of {@link OpChecks},
 * which {@code seq2seq doctor} also runs), and proof that the check itself can fail.
 */
public abstract class OpGradientConformance extends BackendFixture {

  static List<OpChecks.OpCase> opCases() {
    return OpChecks.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("opCases")
  void gradientMatchesFiniteDifferences(OpChecks.OpCase c) {
    CheckResult r = c.run(backend());
    assertThat(r.passed()).as("%s: max error %s, %s", r.name(), r.maxError(), r.detail()).isTrue();
  }

  @Test
  void gradientCheckDetectsWrongGradient() {
    Tensor x = t(f(0.5f, -1, 2, 0.25f, -0.75f, 1.5f), 2, 3);
    CheckResult right = GradientCheck.check("right", backend(), List.of(x),
        a -> OpChecks.attachSquares(a.get(0), 2.0));
    assertThat(right.passed()).as(right.detail()).isTrue();
    // The attached jacobian 3x is wrong by x: errors up to |x| = 2 must be reported.
    CheckResult wrong = GradientCheck.check("wrong", backend(), List.of(x),
        a -> OpChecks.attachSquares(a.get(0), 3.0));
    assertThat(wrong.passed()).isFalse();
    assertThat(wrong.maxError()).isGreaterThan(0.3);
    assertThat(wrong.detail()).contains("finite difference");
  }

  @Test
  void gradientCheckDetectsAMissingGradientPath() {
    // The detached factor hides half of d(x*x)/dx from the tape, not from finite differences.
    Tensor x = t(f(0.5f, -1, 2), 3);
    CheckResult r = GradientCheck.check("detached", backend(), List.of(x),
        a -> a.get(0).detach().mul(a.get(0)));
    assertThat(r.passed()).isFalse();
  }

  @Test
  void gradientCheckReportsAnExceptionAsAFailure() {
    Tensor x = t(f(1, 2), 2);
    CheckResult r = GradientCheck.check("throws", backend(), List.of(x), a -> {
      throw new IllegalStateException("boom");
    });
    assertThat(r.passed()).isFalse();
    assertThat(r.detail()).contains("boom");
  }
}
