package dev.seq2seq.check;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.TensorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The numeric self-check that {@code seq2seq doctor} runs on a backend: a finite-difference
 * gradient check of every differentiable op ({@link OpChecks}) and of every fused recurrent
 * configuration ({@link RecurrentChecks}), and the CTC reference cases ({@link CtcChecks}).
 *
 * <p>Each check yields one {@link CheckResult}; a check that throws is reported as failed with the
 * exception's message, so one broken op never hides the others. On a CPU backend the whole run
 * takes a few seconds. It opens tapes, so it must not be called while one is open on the thread.
 */
public final class SelfCheck {
  private SelfCheck() {}

  /** Runs every check on {@code backend}: op and cell gradients, and the CTC reference cases. */
  public static List<CheckResult> run(Backend backend) {
    List<CheckResult> results = new ArrayList<>();
    for (OpChecks.OpCase c : OpChecks.cases()) {
      results.add(scoped(backend, () -> List.of(c.run(backend))).get(0));
    }
    for (RecurrentSpec spec : RecurrentChecks.configs()) {
      results.add(scoped(backend, () -> List.of(RecurrentChecks.check(backend, spec))).get(0));
    }
    results.addAll(scoped(backend, () -> CtcChecks.run(backend)));
    return results;
  }

  /** Runs checks in their own memory scope, so their data is freed on off-heap backends. */
  private static List<CheckResult> scoped(Backend backend, Supplier<List<CheckResult>> checks) {
    try (TensorScope scope = backend.scope()) {
      return checks.get();
    }
  }

  /** Whether every result passed. */
  public static boolean allPassed(List<CheckResult> results) {
    return results.stream().allMatch(CheckResult::passed);
  }
}
