package dev.seq2seq.testkit;

import static dev.seq2seq.testkit.OptimFixtures.assertClose;
import static dev.seq2seq.testkit.OptimFixtures.setGrad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.Parameter;
import dev.seq2seq.optim.Adam;
import dev.seq2seq.optim.AdamW;
import dev.seq2seq.optim.GradientClipping;
import dev.seq2seq.optim.Optimizer;
import dev.seq2seq.optim.Sgd;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Optimisers, clipping and optimiser state on a backend: three steps on a two-element parameter
 * with fixed gradients, against the published update rules evaluated here in plain double
 * arithmetic (PyTorch's documented algorithms for SGD, Adam and AdamW). Subclass it with a
 * backend.
 */
public abstract class OptimizerConformance {

  protected abstract Backend backend();

  private static final double[] START = {1.0, -2.0};
  private static final double[][] GRADS = {{0.5, -1.0}, {-0.25, 2.0}, {1.0, 1.0}};
  private static final double TOL = 1e-5;

  private Parameter parameter(String name) {
    return new Parameter(name, backend().of(OptimFixtures.toFloats(START), 2));
  }

  private double[] run(Optimizer optimizer, Parameter p, int steps) {
    for (int s = 0; s < steps; s++) {
      setGrad(backend(), p, OptimFixtures.toFloats(GRADS[s]));
      optimizer.step();
    }
    return p.value().toDoubleArray();
  }

  // ---- SGD --------------------------------------------------------------------------------------

  /** PyTorch SGD: d = g + wd p; buf = d, then m buf + (1 - damp) d; d = nesterov ? d + m buf : buf. */
  private static double[] sgdReference(
      double lr, double momentum, double dampening, boolean nesterov, double wd) {
    double[] p = START.clone();
    double[] buf = null;
    for (double[] g : GRADS) {
      double[] d = new double[2];
      for (int i = 0; i < 2; i++) {
        d[i] = g[i] + wd * p[i];
      }
      if (momentum != 0) {
        if (buf == null) {
          buf = d.clone();
        } else {
          for (int i = 0; i < 2; i++) {
            buf[i] = momentum * buf[i] + (1 - dampening) * d[i];
          }
        }
        for (int i = 0; i < 2; i++) {
          d[i] = nesterov ? d[i] + momentum * buf[i] : buf[i];
        }
      }
      for (int i = 0; i < 2; i++) {
        p[i] -= lr * d[i];
      }
    }
    return p;
  }

  @Test
  void plainSgd() {
    Parameter p = parameter("w");
    // by hand: 1 - 0.1 (0.5 - 0.25 + 1) = 0.875; -2 - 0.1 (-1 + 2 + 1) = -2.2
    assertClose(run(new Sgd(List.of(p), 0.1), p, 3), new double[] {0.875, -2.2}, TOL, 0, "p");
  }

  @Test
  void sgdWithMomentumAndWeightDecay() {
    Parameter p = parameter("w");
    Sgd sgd = new Sgd(List.of(p), 0.1, 0.9, 0, false, 0.01);
    assertClose(run(sgd, p, 3), sgdReference(0.1, 0.9, 0, false, 0.01), TOL, 0, "p");
  }

  @Test
  void sgdWithDampening() {
    Parameter p = parameter("w");
    Sgd sgd = new Sgd(List.of(p), 0.05, 0.5, 0.3, false, 0);
    assertClose(run(sgd, p, 3), sgdReference(0.05, 0.5, 0.3, false, 0), TOL, 0, "p");
  }

  @Test
  void sgdNesterov() {
    Parameter p = parameter("w");
    Sgd sgd = new Sgd(List.of(p), 0.1, 0.9, 0, true, 0.01);
    assertClose(run(sgd, p, 3), sgdReference(0.1, 0.9, 0, true, 0.01), TOL, 0, "p");
  }

  // ---- Adam and AdamW ---------------------------------------------------------------------------

  /**
   * PyTorch Adam/AdamW: g += wd p (Adam) or p *= 1 - lr wd (AdamW); m, v moving averages; p -= lr
   * m_hat / (sqrt(v_hat) + eps) with m_hat = m / (1 - b1^t), v_hat = v / (1 - b2^t).
   */
  private static double[] adamReference(
      double lr, double b1, double b2, double eps, double wd, boolean decoupled) {
    double[] p = START.clone();
    double[] m = new double[2];
    double[] v = new double[2];
    for (int t = 1; t <= GRADS.length; t++) {
      for (int i = 0; i < 2; i++) {
        double g = GRADS[t - 1][i];
        if (decoupled) {
          p[i] *= 1 - lr * wd;
        } else {
          g += wd * p[i];
        }
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        double mHat = m[i] / (1 - Math.pow(b1, t));
        double vHat = v[i] / (1 - Math.pow(b2, t));
        p[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
      }
    }
    return p;
  }

  @Test
  void adamFirstStepMovesEachWeightByTheLearningRate() {
    Parameter p = parameter("w");
    // After one bias-corrected step m_hat / sqrt(v_hat) = sign(g) (up to eps).
    double[] after = run(new Adam(List.of(p), 0.01), p, 1);
    assertClose(after, new double[] {0.99, -1.99}, TOL, 0, "p");
  }

  @Test
  void adamDefaults() {
    Parameter p = parameter("w");
    assertClose(
        run(new Adam(List.of(p), 0.01), p, 3),
        adamReference(0.01, 0.9, 0.999, 1e-8, 0, false), TOL, 0, "p");
  }

  @Test
  void adamWithL2WeightDecayAndLargeEps() {
    Parameter p = parameter("w");
    Adam adam = new Adam(List.of(p), 0.1, 0.8, 0.99, 0.1, 0.5);
    assertClose(run(adam, p, 3), adamReference(0.1, 0.8, 0.99, 0.1, 0.5, false), TOL, 0, "p");
  }

  @Test
  void adamWWithDecoupledWeightDecay() {
    Parameter p = parameter("w");
    AdamW adamW = new AdamW(List.of(p), 0.1, 0.8, 0.99, 1e-3, 0.5);
    double[] expected = adamReference(0.1, 0.8, 0.99, 1e-3, 0.5, true);
    assertClose(run(adamW, p, 3), expected, TOL, 0, "p");
    // decoupled decay really differs from L2 decay here
    assertThat(expected[0]).isNotCloseTo(adamReference(0.1, 0.8, 0.99, 1e-3, 0.5, false)[0], within(1e-3));
  }

  @Test
  void parametersWithoutGradientAreSkipped() {
    Parameter used = parameter("used");
    Parameter idle = parameter("idle");
    Adam adam = new Adam(List.of(used, idle), 0.01);
    setGrad(backend(), used, new float[] {1, 1});
    adam.step();
    assertThat(idle.value().toDoubleArray()).containsExactly(START);
    assertThat(adam.state()).containsOnlyKeys("used.step", "used.exp_avg", "used.exp_avg_sq");
  }

  @Test
  void zeroGradClearsGradients() {
    Parameter p = parameter("w");
    Sgd sgd = new Sgd(List.of(p), 0.1);
    setGrad(backend(), p, new float[] {1, 2});
    sgd.zeroGrad();
    assertThat(p.grad() == null || isZero(p.grad())).isTrue();
  }

  // ---- state ------------------------------------------------------------------------------------

  @Test
  void stateRoundTripResumesIdentically() {
    Parameter p = parameter("enc.weight");
    Adam adam = new Adam(List.of(p), 0.05, 0.9, 0.999, 1e-8, 0.1);
    run(adam, p, 2);
    Map<String, Tensor> saved = adam.state();
    assertThat(saved).containsOnlyKeys("enc.weight.step", "enc.weight.exp_avg", "enc.weight.exp_avg_sq");
    assertThat(saved.get("enc.weight.step").item()).isEqualTo(2.0);
    float[] savedValue = p.value().toFloatArray();

    setGrad(backend(), p, OptimFixtures.toFloats(GRADS[2]));
    adam.step();
    float[] continued = p.value().toFloatArray();
    // the snapshot is a copy: stepping on did not change it
    assertThat(saved.get("enc.weight.step").item()).isEqualTo(2.0);

    // a fresh optimiser restored from the snapshot takes the same third step
    p.value().assign(backend().of(savedValue, 2));
    Adam resumed = new Adam(List.of(p), 0.05, 0.9, 0.999, 1e-8, 0.1);
    resumed.loadState(saved);
    setGrad(backend(), p, OptimFixtures.toFloats(GRADS[2]));
    resumed.step();
    assertThat(p.value().toFloatArray()).containsExactly(continued);
  }

  @Test
  void sgdMomentumStateIsNamedLikePyTorch() {
    Parameter p = parameter("w");
    Sgd sgd = new Sgd(List.of(p), 0.1, 0.9, 0, false, 0);
    run(sgd, p, 1);
    assertThat(sgd.state()).containsOnlyKeys("w.momentum_buffer");
    assertClose(sgd.state().get("w.momentum_buffer").toDoubleArray(), GRADS[0], 1e-7, 0, "buffer");
  }

  @Test
  void loadStateRejectsUnknownEntriesAndShapes() {
    Parameter p = parameter("w");
    Adam adam = new Adam(List.of(p), 0.01);
    assertThatThrownBy(() -> adam.loadState(Map.of("v.exp_avg", backend().of(new float[] {0, 0}, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v.exp_avg");
    assertThatThrownBy(() -> adam.loadState(Map.of("w.exp_avg", backend().of(new float[] {0}, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("w.exp_avg");
  }

  // ---- clipping ---------------------------------------------------------------------------------

  @Test
  void clippingScalesAllGradientsByTheGlobalNorm() {
    Parameter a = parameter("a");
    Parameter b = new Parameter("b", backend().of(new float[] {0}, 1));
    setGrad(backend(), a, new float[] {3, 4});
    setGrad(backend(), b, new float[] {12});
    double norm = GradientClipping.clipByGlobalNorm(List.of(a, b), 6.5); // sqrt(9+16+144) = 13
    assertThat(norm).isCloseTo(13.0, within(1e-5));
    double c = 6.5 / (13 + 1e-6);
    assertClose(a.grad().toDoubleArray(), new double[] {3 * c, 4 * c}, 1e-6, 0, "a");
    assertClose(b.grad().toDoubleArray(), new double[] {12 * c}, 1e-6, 0, "b");
  }

  @Test
  void clippingLeavesSmallGradientsAlone() {
    Parameter a = parameter("a");
    setGrad(backend(), a, new float[] {3, 4});
    assertThat(GradientClipping.clipByGlobalNorm(List.of(a), 10)).isCloseTo(5.0, within(1e-6));
    assertThat(a.grad().toDoubleArray()).containsExactly(3.0, 4.0);
  }

  @Test
  void clippingReportsButDoesNotApplyANonFiniteNorm() {
    Parameter a = parameter("a");
    setGrad(backend(), a, new float[] {Float.POSITIVE_INFINITY, 1});
    assertThat(GradientClipping.clipByGlobalNorm(List.of(a), 1.0)).isInfinite();
    assertThat(a.grad().toDoubleArray()[1]).isEqualTo(1.0);
  }

  private static boolean isZero(Tensor t) {
    for (double v : t.toDoubleArray()) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }
}
