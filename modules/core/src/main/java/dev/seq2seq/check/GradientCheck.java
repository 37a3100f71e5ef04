package dev.seq2seq.check;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Shape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Compares a backend's recorded gradients with central finite differences.
 *
 * <p>For a function {@code f} of some tensors (any output shape) the check forms the scalar {@code
 * L = sum(f(inputs) * R)} with a fixed random tensor {@code R}, so that every output element
 * contributes with its own weight and a gradient that is wrong for only one element cannot hide.
 * It then compares, for every element of every floating input, the tape's {@code dL/dx} with
 * {@code (L(x + eps) - L(x - eps)) / 2eps}, where {@code L} is accumulated in double on the host.
 *
 * <p>The error of one element is {@code |a - n| / max(1, |a|, |n|)}: absolute for small
 * gradients (where float32 differences are dominated by rounding) and relative for large ones.
 * With FLOAT64 (when the backend offers it) the step is {@code 1e-6} and the tolerance {@code
 * 1e-5}; with FLOAT32 the step is {@code 3e-3} and the tolerance {@code 1e-2}, which the rounding
 * noise of a float32 forward pass stays far below while a wrong gradient does not.
 *
 * <p>INT32 inputs (indices) are passed through unchanged and not differentiated. Floating inputs
 * are copied into fresh leaves of the check's element type, so constants the function creates
 * itself should be converted to its inputs' type ({@code t.to(x.dtype())}). A function that draws
 * random numbers must seed its own generator on every call. The check opens its own tape, so it
 * must not be called while one is open on the thread. It never throws: an exception becomes a
 * failed result.
 */
public final class GradientCheck {

  /**
   * How a check runs.
   *
   * @param dtype element type of the differentiated inputs
   * @param eps finite-difference step
   * @param tolerance largest accepted error (see the class comment)
   * @param skipKinks whether to skip elements where the function is not smooth within {@code
   *     eps} (its one-sided slopes disagree), as happens near ReLU's kink; for functions that
   *     contain {@code relu} or {@code max} on data that cannot be kept away from the kink
   * @param seed seed of the weighting tensor {@code R}
   */
  public record Settings(DType dtype, double eps, double tolerance, boolean skipKinks, long seed) {

    /** FLOAT64 with a tight tolerance when the backend offers it, else FLOAT32. */
    public static Settings forBackend(Backend backend) {
      return backend.supports(DType.FLOAT64)
          ? new Settings(DType.FLOAT64, 1e-6, 1e-5, false, 20240611L)
          : new Settings(DType.FLOAT32, 3e-3, 1e-2, false, 20240611L);
    }

    public Settings withSkipKinks(boolean skip) {
      return new Settings(dtype, eps, tolerance, skip, seed);
    }

    public Settings withTolerance(double tol) {
      return new Settings(dtype, eps, tol, skipKinks, seed);
    }
  }

  private GradientCheck() {}

  /** Checks {@code f} at {@code inputs} with {@link Settings#forBackend}. */
  public static CheckResult check(
      String name, Backend backend, List<Tensor> inputs, Function<List<Tensor>, Tensor> f) {
    return check(name, backend, inputs, f, Settings.forBackend(backend));
  }

  public static CheckResult check(
      String name,
      Backend backend,
      List<Tensor> inputs,
      Function<List<Tensor>, Tensor> f,
      Settings settings) {
    // A scope frees every temporary of the many forward passes on backends with native memory.
    try (TensorScope scope = backend.scope()) {
      return new Run(backend, inputs, f, settings).compare(name);
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      return new CheckResult(name, false, Double.NaN, describe(e));
    }
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** One check's state: the fixed inputs, the weighting tensor and the analytic gradients. */
  private static final class Run {
    private final Backend backend;
    private final Function<List<Tensor>, Tensor> f;
    private final Settings settings;
    private final List<Tensor> leaves = new ArrayList<>();
    private double[] weights;
    private int[] outputDims;
    private DType outputType;

    Run(Backend backend, List<Tensor> inputs, Function<List<Tensor>, Tensor> f, Settings s) {
      this.backend = backend;
      this.f = f;
      this.settings = s;
      for (Tensor t : inputs) {
        leaves.add(
            t.dtype().isFloating()
                ? backend.of(t.toDoubleArray(), s.dtype(), t.shape().dims()).requireGrad()
                : t);
      }
    }

    CheckResult compare(String name) {
      List<double[]> analytic = analyticGradients();
      double base = weightedSum(leaves);
      double maxError = 0;
      String worst = "";
      int checked = 0;
      int skipped = 0;
      for (int i = 0; i < leaves.size(); i++) {
        Tensor leaf = leaves.get(i);
        if (!leaf.dtype().isFloating()) {
          continue;
        }
        double[] values = leaf.toDoubleArray();
        for (int j = 0; j < values.length; j++) {
          double x = values[j];
          // Round the shifted points to the element type so the step divides what really moved.
          double plus = round(x + settings.eps());
          double minus = round(x - settings.eps());
          double lp = perturbed(i, values, j, plus);
          double lm = perturbed(i, values, j, minus);
          values[j] = x;
          double numeric = (lp - lm) / (plus - minus);
          if (settings.skipKinks()) {
            double right = (lp - base) / (plus - x);
            double left = (base - lm) / (x - minus);
            if (Math.abs(right - left) / scale(right, left) > settings.tolerance()) {
              skipped++;
              continue;
            }
          }
          double a = analytic.get(i)[j];
          double error = Math.abs(a - numeric) / scale(a, numeric);
          checked++;
          if (!(error <= maxError)) { // also catches NaN
            maxError = Double.isNaN(error) ? Double.NaN : error;
            worst = String.format(
                Locale.ROOT, "input %d element %d: tape %.6g, finite difference %.6g", i, j, a,
                numeric);
            if (Double.isNaN(error)) {
              break;
            }
          }
        }
        if (Double.isNaN(maxError)) {
          break;
        }
      }
      if (settings.skipKinks() && skipped > checked) {
        return new CheckResult(
            name, false, maxError, "too many non-smooth points: " + skipped + " skipped, " + checked
                + " checked");
      }
      boolean passed = maxError <= settings.tolerance();
      return new CheckResult(
          name, passed, maxError, passed ? "" : "error " + fmt(maxError) + " > tolerance "
              + fmt(settings.tolerance()) + " at " + worst);
    }

    private List<double[]> analyticGradients() {
      List<double[]> grads = new ArrayList<>();
      try (GradientTape tape = backend.gradientTape()) {
        Tensor out = f.apply(leaves);
        if (!out.dtype().isFloating()) {
          throw new IllegalArgumentException("the checked function returns " + out.dtype());
        }
        outputDims = out.shape().dims();
        outputType = out.dtype();
        SplittableRandom rng = new SplittableRandom(settings.seed());
        weights = new double[out.shape().sizeInt()];
        for (int k = 0; k < weights.length; k++) {
          // Magnitudes in [0.5, 1) so no output element is (almost) ignored.
          weights[k] = (0.5 + 0.5 * rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1);
        }
        Tensor r = backend.of(weights, outputType, outputDims);
        tape.backward(out.mul(r).sum());
      }
      for (Tensor leaf : leaves) {
        Tensor g = leaf.dtype().isFloating() ? leaf.grad() : null;
        int n = leaf.shape().sizeInt();
        if (g == null) {
          grads.add(new double[n]); // never reached: the gradient is zero
        } else if (!g.shape().equals(leaf.shape())) {
          throw new IllegalStateException(
              "gradient shape " + g.shape() + " differs from input shape " + leaf.shape());
        } else {
          grads.add(g.toDoubleArray());
        }
      }
      return grads;
    }

    private double perturbed(int input, double[] values, int element, double value) {
      values[element] = value;
      List<Tensor> args = new ArrayList<>(leaves);
      args.set(input, backend.of(values, settings.dtype(), leaves.get(input).shape().dims()));
      return weightedSum(args);
    }

    /** {@code sum(f(args) * R)} accumulated in double, without recording anything. */
    private double weightedSum(List<Tensor> args) {
      try (TensorScope scope = backend.scope()) {
        Tensor out = f.apply(args);
        if (!out.shape().equals(Shape.of(outputDims))) {
          throw new IllegalStateException("output shape changed to " + out.shape());
        }
        double[] y = out.toDoubleArray();
        double s = 0;
        for (int k = 0; k < y.length; k++) {
          s += y[k] * weights[k];
        }
        return s;
      }
    }

    private double round(double v) {
      return settings.dtype() == DType.FLOAT32 ? (double) (float) v : v;
    }
  }

  private static double scale(double a, double b) {
    return Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
