package dev.seq2seq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import org.junit.jupiter.api.Test;

/** The in-place updates optimisers use: values, shape checks, and that they are not recorded. */
public abstract class InPlaceConformance extends BackendFixture {

  @Test
  void assignCopiesValues() {
    Tensor x = t(f(1, 2, 3), 3);
    Tensor source = t(f(7, 8, 9), 3);
    x.assign(source);
    assertTensor(x, shape(3), f(7, 8, 9), 0);
    source.mulInPlace(0);
    assertTensor(x, shape(3), f(7, 8, 9), 0); // a copy, not an alias
  }

  @Test
  void addInPlaceScalesTheOtherTensor() {
    Tensor x = t(f(1, 2, 3), 3);
    x.addInPlace(t(f(10, 20, 30), 3), -0.5);
    assertTensor(x, shape(3), f(-4, -8, -12));
  }

  @Test
  void mulInPlace() {
    Tensor x = t(f(1, -2, 3, 4), 2, 2);
    x.mulInPlace(0.25);
    assertTensor(x, shape(2, 2), f(0.25f, -0.5f, 0.75f, 1));
  }

  @Test
  void addProductInPlace() {
    Tensor x = t(f(1, 1, 1), 3);
    x.addProductInPlace(t(f(2, 3, 4), 3), t(f(5, 6, -1), 3), 0.1);
    assertTensor(x, shape(3), f(2, 2.8f, 0.6f));
  }

  @Test
  void addRatioInPlaceIsTheAdamUpdate() {
    Tensor x = t(f(1, 1, 1), 3);
    // x + value * a / (sqrt(b) + eps): 1 - 0.5 * 2 / 2, 1 - 0.5 * 8 / 4, 1 - 0.5 * 3 / 3
    x.addRatioInPlace(t(f(2, 8, 3), 3), t(f(4, 16, 9), 3), 0.0, -0.5);
    assertTensor(x, shape(3), f(0.5f, 0, 0.5f));
    // eps is added to the square root, not to b: 0 - 0.5 * 1 / (sqrt(0) + 1)
    Tensor y = t(f(0, 0), 2);
    y.addRatioInPlace(t(f(1, 3), 2), t(f(0, 4), 2), 1.0, -0.5);
    assertTensor(y, shape(2), f(-0.5f, -0.5f));
  }

  @Test
  void shapeMismatchIsRejected() {
    Tensor x = t(f(1, 2, 3), 3);
    assertThatThrownBy(() -> x.assign(t(f(1, 2), 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> x.addInPlace(t(f(1, 2), 2), 1.0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inPlaceUpdatesOfALeafKeepItsGradient() {
    Tensor w = t(f(1, 2), 2).requireGrad();
    try (GradientTape tape = backend().gradientTape()) {
      tape.backward(w.square().sum());
    }
    // An optimiser step: w -= 0.1 * grad. The gradient itself must not change.
    w.addInPlace(w.grad(), -0.1);
    assertTensor(w, shape(2), f(0.8f, 1.6f));
    assertTensor(w.grad(), shape(2), f(2, 4));
    assertThat(w.requiresGrad()).isTrue();
  }
}
