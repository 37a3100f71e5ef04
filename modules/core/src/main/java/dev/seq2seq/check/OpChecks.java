package dev.seq2seq.check;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The gradient check of every differentiable {@link Tensor} operation, on small seeded inputs.
 *
 * <p>Inputs are chosen where the operation is smooth: positive values for {@code log} and {@code
 * sqrt}, values away from 0 for {@code relu}, and distinct values for {@code max}, so that a step
 * of the finite difference never crosses a kink. Several cases exercise broadcasting in both
 * operands, because the backward pass of a broadcast must sum over the broadcast axes.
 */
public final class OpChecks {
  private OpChecks() {}

  /**
   * One op's check.
   *
   * @param name result name, {@code op/...}
   * @param inputs the inputs, drawn from the case's own seeded data
   * @param function the checked function of those inputs
   */
  public record OpCase(
      String name,
      Function<CheckData, List<Tensor>> inputs,
      Function<List<Tensor>, Tensor> function) {

    public CheckResult run(Backend backend) {
      try {
        List<Tensor> in = inputs.apply(CheckData.forName(backend, name));
        return GradientCheck.check(name, backend, in, function);
      } catch (RuntimeException e) {
        return new CheckResult(name, false, Double.NaN, GradientCheck.describe(e));
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Every case, in a fixed order. */
  public static List<OpCase> cases() {
    List<OpCase> c = new ArrayList<>();
    arithmetic(c);
    unary(c);
    layout(c);
    indexing(c);
    reductions(c);
    composite(c);
    return c;
  }

  private static void arithmetic(List<OpCase> c) {
    c.add(op("op/add", d -> List.of(d.uniform(-1, 1, 2, 3), d.uniform(-1, 1, 2, 3)),
        x -> x.get(0).add(x.get(1))));
    c.add(op("op/add-broadcast-row", d -> List.of(d.uniform(-1, 1, 2, 3), d.uniform(-1, 1, 3)),
        x -> x.get(0).add(x.get(1))));
    c.add(op("op/add-broadcast-both",
        d -> List.of(d.uniform(-1, 1, 2, 1), d.uniform(-1, 1, 1, 3)),
        x -> x.get(0).add(x.get(1))));
    c.add(op("op/sub", d -> List.of(d.uniform(-1, 1, 2, 3), d.uniform(-1, 1, 2, 3)),
        x -> x.get(0).sub(x.get(1))));
    c.add(op("op/sub-broadcast", d -> List.of(d.uniform(-1, 1, 2, 1), d.uniform(-1, 1, 2, 3)),
        x -> x.get(0).sub(x.get(1))));
    c.add(op("op/mul", d -> List.of(d.uniform(-1, 1, 2, 3), d.uniform(-1, 1, 2, 3)),
        x -> x.get(0).mul(x.get(1))));
    c.add(op("op/mul-broadcast",
        d -> List.of(d.uniform(-1, 1, 2, 2, 3), d.uniform(-1, 1, 2, 1, 3)),
        x -> x.get(0).mul(x.get(1))));
    c.add(op("op/div", d -> List.of(d.uniform(-1, 1, 2, 3), d.uniform(0.5, 1.5, 2, 3)),
        x -> x.get(0).div(x.get(1))));
    c.add(op("op/div-broadcast", d -> List.of(d.uniform(-1, 1, 3), d.uniform(0.5, 1.5, 2, 1)),
        x -> x.get(0).div(x.get(1))));
    c.add(op("op/add-scalar", d -> List.of(d.uniform(-1, 1, 2, 3)), x -> x.get(0).add(0.7)));
    c.add(op("op/mul-scalar", d -> List.of(d.uniform(-1, 1, 2, 3)), x -> x.get(0).mul(-1.3)));
    c.add(op("op/neg", d -> List.of(d.uniform(-1, 1, 2, 3)), x -> x.get(0).neg()));
  }

  private static void unary(List<OpCase> c) {
    c.add(op("op/exp", d -> List.of(d.uniform(-1, 1, 2, 3)), x -> x.get(0).exp()));
    c.add(op("op/log", d -> List.of(d.uniform(0.5, 2, 2, 3)), x -> x.get(0).log()));
    c.add(op("op/sqrt", d -> List.of(d.uniform(0.5, 2, 2, 3)), x -> x.get(0).sqrt()));
    c.add(op("op/square", d -> List.of(d.uniform(-1, 1, 2, 3)), x -> x.get(0).square()));
    c.add(op("op/sigmoid", d -> List.of(d.uniform(-2, 2, 2, 3)), x -> x.get(0).sigmoid()));
    c.add(op("op/tanh", d -> List.of(d.uniform(-2, 2, 2, 3)), x -> x.get(0).tanh()));
    c.add(op("op/relu", d -> List.of(d.awayFromZero(0.1, 1, 2, 4)), x -> x.get(0).relu()));
    c.add(op("op/to-same-dtype", d -> List.of(d.uniform(-1, 1, 2, 3)),
        x -> x.get(0).to(x.get(0).dtype()).square()));
  }

  private static void layout(List<OpCase> c) {
    c.add(op("op/matmul", d -> List.of(d.uniform(-1, 1, 2, 3), d.uniform(-1, 1, 3, 4)),
        x -> x.get(0).matmul(x.get(1))));
    c.add(op("op/matmul-batched",
        d -> List.of(d.uniform(-1, 1, 2, 2, 3), d.uniform(-1, 1, 2, 3, 2)),
        x -> x.get(0).matmul(x.get(1))));
    c.add(op("op/matmul-flattened",
        d -> List.of(d.uniform(-1, 1, 2, 2, 3), d.uniform(-1, 1, 3, 4)),
        x -> x.get(0).matmul(x.get(1))));
    c.add(op("op/transpose", d -> List.of(d.uniform(-1, 1, 2, 3, 4)),
        x -> x.get(0).transpose(0, 2)));
    c.add(op("op/transpose-last", d -> List.of(d.uniform(-1, 1, 2, 3, 4)),
        x -> x.get(0).transpose(-1, -2)));
    c.add(op("op/reshape", d -> List.of(d.uniform(-1, 1, 2, 6)),
        x -> x.get(0).reshape(3, -1)));
    c.add(op("op/slice", d -> List.of(d.uniform(-1, 1, 3, 4)), x -> x.get(0).slice(1, 1, 3)));
    c.add(op("op/slice-leading", d -> List.of(d.uniform(-1, 1, 3, 2, 2)),
        x -> x.get(0).slice(0, 1, 2)));
    c.add(op("op/concat", d -> List.of(d.uniform(-1, 1, 2, 3), d.uniform(-1, 1, 2, 2)),
        x -> Tensor.concat(List.of(x.get(0), x.get(1)), 1)));
    c.add(op("op/concat-axis0", d -> List.of(d.uniform(-1, 1, 1, 3), d.uniform(-1, 1, 2, 3)),
        x -> Tensor.concat(List.of(x.get(0), x.get(1), x.get(0)), 0)));
    c.add(op("op/stack", d -> List.of(d.uniform(-1, 1, 2, 3), d.uniform(-1, 1, 2, 3)),
        x -> x.get(0).backend().stack(List.of(x.get(0), x.get(1)), 1)));
  }

  private static void indexing(List<OpCase> c) {
    // Index 1 appears twice, so the backward scatter must add, not overwrite.
    c.add(op("op/take",
        d -> List.of(d.uniform(-1, 1, 5, 3), d.backend().ofInts(new int[] {1, 4, 1, 0}, 2, 2)),
        x -> x.get(0).take(x.get(1))));
    c.add(op("op/take-along-axis",
        d -> List.of(d.uniform(-1, 1, 2, 4),
            d.backend().ofInts(new int[] {3, 0, 3, 1, 1, 2}, 2, 3)),
        x -> x.get(0).takeAlongAxis(1, x.get(1))));
    c.add(op("op/take-along-axis0",
        d -> List.of(d.uniform(-1, 1, 3, 2), d.backend().ofInts(new int[] {2, 0}, 1, 2)),
        x -> x.get(0).takeAlongAxis(0, x.get(1))));
    c.add(op("op/masked-fill", d -> List.of(d.uniform(-1, 1, 2, 3)),
        x -> x.get(0).maskedFill(
            x.get(0).backend().of(new float[] {0, 1, 0}, 1, 3).to(x.get(0).dtype()), -2.5)));
    c.add(op("op/dropout", d -> List.of(d.uniform(-1, 1, 3, 4)),
        // A fresh generator on every call: each evaluation drops the same elements.
        x -> x.get(0).dropout(0.5, new SplittableRandom(11))));
  }

  private static void reductions(List<OpCase> c) {
    c.add(op("op/softmax", d -> List.of(d.uniform(-2, 2, 2, 4)), x -> x.get(0).softmax(-1)));
    c.add(op("op/softmax-axis0", d -> List.of(d.uniform(-2, 2, 3, 2)),
        x -> x.get(0).softmax(0)));
    c.add(op("op/log-softmax", d -> List.of(d.uniform(-2, 2, 2, 4)),
        x -> x.get(0).logSoftmax(-1)));
    c.add(op("op/log-softmax-axis1", d -> List.of(d.uniform(-2, 2, 2, 3, 2)),
        x -> x.get(0).logSoftmax(1)));
    c.add(op("op/sum", d -> List.of(d.uniform(-1, 1, 2, 3)), x -> x.get(0).sum()));
    c.add(op("op/sum-axis", d -> List.of(d.uniform(-1, 1, 2, 3, 2)),
        x -> x.get(0).sum(1, false)));
    c.add(op("op/sum-axis-keepdims", d -> List.of(d.uniform(-1, 1, 2, 3)),
        x -> x.get(0).sum(0, true)));
    c.add(op("op/mean", d -> List.of(d.uniform(-1, 1, 2, 3)), x -> x.get(0).mean()));
    c.add(op("op/mean-axis", d -> List.of(d.uniform(-1, 1, 2, 3)),
        x -> x.get(0).mean(-1, true)));
    c.add(op("op/max-axis", d -> List.of(d.distinct(0.1, 3, 4)), x -> x.get(0).max(1, false)));
    c.add(op("op/max-axis0-keepdims", d -> List.of(d.distinct(0.1, 3, 2)),
        x -> x.get(0).max(0, true)));
  }

  private static void composite(List<OpCase> c) {
    // The input feeds three branches: gradients of every use must accumulate.
    c.add(op("op/fan-out", d -> List.of(d.uniform(-1, 1, 2, 3)),
        x -> x.get(0).mul(x.get(0)).add(x.get(0).tanh()).sub(x.get(0).sum(1, true))));
    // attachGradient with the true jacobian of value[i] = sum_j x[i,j]^2 must pass the check.
    c.add(op("op/attach-gradient", d -> List.of(d.uniform(-1, 1, 3, 4)),
        x -> attachSquares(x.get(0), 2.0)));
  }

  /**
   * {@code attachGradient(x, sum(x^2, 1), factor * x)}: the right jacobian when {@code factor} is
   * 2, a wrong one otherwise (which the kit uses to prove that a gradient check can fail).
   */
  public static Tensor attachSquares(Tensor x, double factor) {
    Tensor value = x.square().sum(1, false).detach();
    Tensor jacobian = x.mul(factor).detach();
    return x.backend().attachGradient(x, value, jacobian);
  }

  private static OpCase op(
      String name, Function<CheckData, List<Tensor>> in, Function<List<Tensor>, Tensor> f) {
    return new OpCase(name, in, f);
  }
}
