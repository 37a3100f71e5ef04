package dev.seq2seq.check;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.loss.Ctc;
import java.util.ArrayList;
import java.util.List;

/**
 * CTC against the reference values published with Baidu's warp-ctc (its {@code test_cpu.cpp}:
 * blank 0, five classes, losses computed in double precision), plus a finite-difference check of
 * the CTC gradient on a padded batch.
 */
public final class CtcChecks {
  /** Relative tolerance of a reference loss: float32 log-sum-exp over a few frames. */
  static final double LOSS_TOLERANCE = 1e-4;

  private CtcChecks() {}

  public static List<CheckResult> run(Backend backend) {
    List<CheckResult> results = new ArrayList<>();
    results.add(reference(backend, "ctc/warp-case-1", new float[] {0, 0, 0, 0, 0}, 1,
        new int[] {1}, 1.6094379425049));
    results.add(reference(backend, "ctc/warp-case-2",
        new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, 3, new int[] {3, 3},
        7.355742931366));
    results.add(reference(backend, "ctc/warp-case-3",
        new float[] {-5, -4, -3, -2, -1, -10, -9, -8, -7, -6, -15, -14, -13, -12, -11}, 3,
        new int[] {2, 3}, 4.938850402832));
    results.add(gradient(backend));
    return results;
  }

  private static CheckResult reference(
      Backend backend, String name, float[] logits, int time, int[] labels, double expected) {
    try {
      Tensor x = backend.of(logits, 1, time, 5);
      Tensor loss = new Ctc(0, false).loss(x, new int[] {time}, new int[][] {labels});
      if (loss.shape().size() != 1) {
        return new CheckResult(name, false, Double.NaN, "loss shape " + loss.shape()
            + ", expected [1]");
      }
      double value = loss.toDoubleArray()[0];
      double error = Math.abs(value - expected) / Math.max(1, Math.abs(expected));
      boolean passed = error <= LOSS_TOLERANCE;
      return new CheckResult(name, passed, error,
          passed ? "" : "loss " + value + ", expected " + expected);
    } catch (RuntimeException e) {
      return new CheckResult(name, false, Double.NaN, GradientCheck.describe(e));
    }
  }

  /**
   * Two utterances, the second one shorter than the batch (its padded frames must get no
   * gradient) and with a repeated label (which forces a blank between the repeats).
   */
  private static CheckResult gradient(Backend backend) {
    String name = "ctc/gradient";
    try {
      CheckData d = CheckData.forName(backend, name);
      Tensor logits = d.uniform(-1, 1, 2, 5, 4);
      int[] lengths = {5, 3};
      int[][] targets = {{1, 2, 3}, {2, 2}};
      return GradientCheck.check(name, backend, List.of(logits),
          a -> new Ctc(0, false).loss(a.get(0), lengths, targets));
    } catch (RuntimeException e) {
      return new CheckResult(name, false, Double.NaN, GradientCheck.describe(e));
    }
  }
}
