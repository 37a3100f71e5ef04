package dev.seq2seq.nativebackend;

import static dev.seq2seq.nativebackend.Checks.assertGradientMatchesDifferences;

import dev.seq2seq.backend.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every differentiable op's backward against central differences of its forward. */
class OpGradientTest {
  private static final NativeBackend backend = NativeBackend.create(1);
  private static final float[] X6 = {0.3f, -1.2f, 0.8f, 1.5f, -0.4f, 0.9f};

  @AfterAll
  static void close() {
    backend.close();
  }

  private static void check(int[] shape, Function<Tensor, Tensor> f) {
    assertGradientMatchesDifferences(backend, X6, shape, f);
  }

  private static Tensor c(int[] shape, float... values) {
    return backend.of(values, shape);
  }

  @Test
  void elementwise() {
    int[] s = {2, 3};
    Tensor row = c(new int[] {3}, 0.5f, -2f, 1.5f);
    check(s, x -> x.add(row).mul(row));
    check(s, x -> row.sub(x).div(x.square().add(1)));
    check(s, x -> row.div(x.exp()));
    check(s, x -> x.mul(x).add(2).log().sqrt());
    check(s, x -> x.sigmoid().add(x.tanh()).add(x.relu()).neg());
    // The broadcast operand is the one differentiated: its gradient sums over rows.
    assertGradientMatchesDifferences(
        backend, new float[] {0.5f, -2f, 1.5f}, new int[] {3},
        r -> c(new int[] {2, 3}, X6).mul(r).div(r.exp()));
  }

  @Test
  void matmulForms() {
    check(new int[] {2, 3}, a -> a.matmul(c(new int[] {3, 2}, 1, 2, -1, 0.5f, 3, -2)));
    check(new int[] {3, 2}, b -> c(new int[] {2, 3}, 1, 2, -1, 0.5f, 3, -2).matmul(b));
    check(new int[] {2, 1, 3}, a -> a.matmul(c(new int[] {2, 3, 1}, 1, 2, -1, 0.5f, 3, -2)));
    check(new int[] {2, 3, 1}, b -> c(new int[] {2, 1, 3}, 1, 2, -1, 0.5f, 3, -2).matmul(b));
    check(new int[] {3, 2}, b -> c(new int[] {2, 1, 3}, 1, 2, -1, 0.5f, 3, -2).matmul(b));
  }

  @Test
  void layout() {
    check(new int[] {2, 3}, x -> x.transpose(0, 1).matmul(x));
    check(new int[] {2, 3}, x -> x.reshape(3, -1).square());
    check(new int[] {2, 3}, x -> x.slice(1, 1, 3).exp());
    check(new int[] {2, 3}, x -> backend.concat(List.of(x, x.slice(1, 0, 1).mul(3)), 1).square());
    check(new int[] {2, 3}, x -> backend.stack(List.of(x, x.exp()), 0).square());
  }

  @Test
  void normalisationAndReductions() {
    check(new int[] {2, 3}, x -> x.softmax(1));
    check(new int[] {2, 3}, x -> x.softmax(0));
    check(new int[] {2, 3}, x -> x.logSoftmax(1));
    check(new int[] {2, 3}, x -> x.logSoftmax(0));
    check(new int[] {2, 3}, x -> x.sum(0, true).square());
    check(new int[] {2, 3}, x -> x.sum(1, false).square());
    check(new int[] {2, 3}, x -> x.max(1, false).square());
    check(new int[] {2, 3}, x -> x.mean().square());
  }

  @Test
  void indexing() {
    Tensor ids = backend.ofInts(new int[] {2, 0, 2}, 3);
    check(new int[] {3, 2}, table -> table.take(ids).square());
    Tensor picks = backend.ofInts(new int[] {2, 2, 0, 1}, 2, 2);
    check(new int[] {2, 3}, x -> x.takeAlongAxis(1, picks).square());
    Tensor mask = backend.ofInts(new int[] {1, 0, 0}, 3);
    check(new int[] {2, 3}, x -> x.maskedFill(mask, -5).square());
  }
}
