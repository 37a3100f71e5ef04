package dev.seq2seq.testkit;

import static dev.seq2seq.testkit.OptimFixtures.assertClose;
import static dev.seq2seq.testkit.OptimFixtures.toFloats;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.loss.Ctc;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * CTC through a backend in float32: the loss and the gradient that reaches the logits through
 * {@link Backend#attachGradient} and the tape, against PyTorch's {@code ctc_loss} (float64
 * reference values, blank 0) and the published warp-ctc cases. Subclass it with a backend.
 */
public abstract class CtcConformance {

  protected abstract Backend backend();

  // PyTorch reference cases (torch.nn.functional.ctc_loss, float64): logits [T][C], target,
  // loss and gradient with respect to the logits.
  private static final double[] SHORT_LOGITS = {
    -0.16699601709842682, 0.2851499617099762, -0.641091525554657, -0.8936554193496704,
    -0.8489086031913757, -1.2169294357299805, -0.08102158457040787, 1.3614851236343384,
    -1.3032166957855225, 0.08747837692499161, -1.3849613666534424, 0.5035638809204102,
    -0.866701602935791, -0.5640066862106323, -2.056462526321411, -0.35672253370285034,
    1.0955804586410522, 0.48235416412353516, 1.3989183902740479, 1.4058529138565063
  };
  private static final int[] SHORT_TARGET = {1, 2, 3};
  private static final double SHORT_LOSS = 4.181885561967811;
  private static final double[] SHORT_GRAD = {
    0.2300471288689492, -0.5307742597981195, 0.16925147319360856, 0.13147565773556177,
    0.011429732509988669, -0.027708693371676717, -0.6870121566141556, 0.7032911174758436,
    -0.03679042510769311, 0.3052374705971726, -0.14340866107770764, -0.1250383844117718,
    0.022282667124019034, 0.3130893472103588, 0.017058456847115606, -0.35243047118149345,
    -0.20519747710159852, 0.12714319343757377, 0.31794492782197437, -0.23989064415794958
  };

  private static final double[] EMPTY_LOGITS = {
    0.12744353711605072, -0.018942944705486298, -0.4072708189487457, 0.5316964983940125,
    -0.7419588565826416, -0.637549638748169, -1.5786136388778687, 0.6460025906562805,
    1.327179193496704, 0.11063212156295776, 0.3374040126800537, -0.3201436400413513,
    0.5688964128494263, 0.13330543041229248, 0.5600089430809021, -0.7351417541503906,
    0.27551668882369995, -0.9336423277854919, -0.1527392566204071, -0.5299631953239441,
    1.4535353183746338, -1.5414217710494995, -0.33145949244499207, 0.5504633188247681
  };
  private static final double EMPTY_LOSS = 6.29999796941883;
  private static final double[] EMPTY_GRAD = {
    -0.7466971380514814, 0.21880903733255014, 0.14839408916728145, 0.3794940115516498,
    -0.8473255784018819, 0.1694769464599636, 0.06613201082355233, 0.611716621118366,
    -0.4625032375208607, 0.15923413476109585, 0.1997661746572294, 0.10350292810253545,
    -0.6562945112711888, 0.22233698264869303, 0.34066435061750683, 0.09329317800498886,
    -0.5828059652160527, 0.12451079365841425, 0.2718622432501864, 0.18643292830745206,
    -0.38391752443878513, 0.03082801190359934, 0.1033773651752933, 0.24971214735989247
  };

  private static final double[] IMPOSSIBLE_LOGITS = {
    0.10724145919084549, 0.6125165820121765, 0.32964542508125305,
    -0.8762796521186829, -1.6768245697021484, -0.7246872782707214
  };

  @Test
  void singleUtteranceMatchesPyTorch() {
    Backend b = backend();
    Tensor logits = b.of(toFloats(SHORT_LOGITS), 1, 5, 4).requireGrad();
    double[] loss;
    try (GradientTape tape = b.gradientTape()) {
      Tensor l = new Ctc(0, false).loss(logits, new int[] {5}, new int[][] {SHORT_TARGET});
      assertThat(l.shape().dims()).containsExactly(1);
      loss = l.toDoubleArray();
      tape.backward(l.sum());
    }
    assertClose(loss, new double[] {SHORT_LOSS}, 0, 1e-4, "loss");
    assertClose(logits.grad().toDoubleArray(), SHORT_GRAD, 1e-5, 1e-4, "d loss / d logits");
  }

  /** Two utterances padded to 7 frames: padding changes nothing and gets no gradient. */
  @Test
  void paddedBatchMatchesPyTorchPerUtterance() {
    Backend b = backend();
    int time = 7;
    int classes = 4;
    double[] host = new double[2 * time * classes];
    Arrays.fill(host, 3.0); // padding frames: large scores that must be ignored
    System.arraycopy(SHORT_LOGITS, 0, host, 0, SHORT_LOGITS.length);
    System.arraycopy(EMPTY_LOGITS, 0, host, time * classes, EMPTY_LOGITS.length);
    Tensor logits = b.of(toFloats(host), 2, time, classes).requireGrad();
    double[] loss;
    try (GradientTape tape = b.gradientTape()) {
      Tensor l =
          new Ctc(0, false).loss(logits, new int[] {5, 6}, new int[][] {SHORT_TARGET, {}});
      loss = l.toDoubleArray();
      tape.backward(l.sum());
    }
    assertClose(loss, new double[] {SHORT_LOSS, EMPTY_LOSS}, 0, 1e-4, "losses");
    double[] expected = new double[host.length];
    System.arraycopy(SHORT_GRAD, 0, expected, 0, SHORT_GRAD.length);
    System.arraycopy(EMPTY_GRAD, 0, expected, time * classes, EMPTY_GRAD.length);
    assertClose(logits.grad().toDoubleArray(), expected, 1e-5, 1e-4, "d loss / d logits");
  }

  /** The warp-ctc tutorial cases (blank 0, five classes) in one batch of lengths 1, 3, 3. */
  @Test
  void publishedWarpCtcCases() {
    float[] host = new float[3 * 3 * 5];
    // The first utterance is one frame of zeros; its two padding frames stay zero too.
    float[] rising = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    float[] falling = {-5, -4, -3, -2, -1, -10, -9, -8, -7, -6, -15, -14, -13, -12, -11};
    System.arraycopy(rising, 0, host, 15, 15);
    System.arraycopy(falling, 0, host, 30, 15);
    Tensor logits = backend().of(host, 3, 3, 5);
    double[] loss =
        new Ctc(0, false)
            .loss(logits, new int[] {1, 3, 3}, new int[][] {{1}, {3, 3}, {2, 3}})
            .toDoubleArray();
    assertClose(loss, new double[] {1.6094379425049, 7.355742931366, 4.938850402832}, 0, 1e-5, "losses");
  }

  @Test
  void impossibleAlignmentWithZeroInfinityHasZeroLossAndGradient() {
    Backend b = backend();
    Tensor logits = b.of(toFloats(IMPOSSIBLE_LOGITS), 1, 2, 3).requireGrad();
    double loss;
    try (GradientTape tape = b.gradientTape()) {
      Tensor l = new Ctc(0, true).loss(logits, new int[] {2}, new int[][] {{1, 1}});
      loss = l.item();
      tape.backward(l.sum());
    }
    assertThat(loss).isZero();
    assertThat(logits.grad().toDoubleArray()).containsOnly(0.0);
  }

  /**
   * Without zeroInfinity the loss is +inf and, as in PyTorch, the gradient of the valid frames is
   * NaN. This needs {@link Backend#attachGradient} to return exactly {@code value}, even where the
   * Jacobian is not finite.
   */
  @Test
  void impossibleAlignmentWithoutZeroInfinityIsInfinite() {
    Backend b = backend();
    Tensor logits = b.of(toFloats(IMPOSSIBLE_LOGITS), 1, 2, 3).requireGrad();
    double loss;
    try (GradientTape tape = b.gradientTape()) {
      Tensor l = new Ctc(0, false).loss(logits, new int[] {2}, new int[][] {{1, 1}});
      loss = l.item();
      tape.backward(l.sum());
    }
    assertThat(loss).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Arrays.stream(logits.grad().toDoubleArray()).allMatch(Double::isNaN)).isTrue();
  }
}
