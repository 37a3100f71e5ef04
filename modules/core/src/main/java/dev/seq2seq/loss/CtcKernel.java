package dev.seq2seq.loss;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The CTC forward-backward algorithm on host arrays, in float64 and in log space (Graves et al.,
 * 2006, section 4.1), with the conventions of PyTorch's {@code ctc_loss}.
 *
 * <p>The label sequence {@code l} of length {@code L} is extended with blanks to {@code l'} of
 * length {@code S = 2L + 1} (blank, l1, blank, l2, ..., blank). A path may skip a blank only
 * between two different labels, so a repeated label needs at least one blank frame between its
 * copies. {@code alpha[t][s]} and {@code beta[t][s]} both include the emission at {@code t}, as in
 * the paper, so their sum double counts it once; the posterior occupancy of class {@code c} at
 * frame {@code t} is {@code sum_{s: l'[s]=c} exp(alpha + beta - lp[t][c] - ln p)}.
 *
 * <p>The gradient with respect to the <em>logits</em> (log-softmax is applied here) is {@code
 * softmax - occupancy}: the log-softmax backward of PyTorch's {@code exp(lp) - occupancy} reduces
 * to it because both terms sum to one over the classes.
 *
 * <p>Impossible alignments (too few frames for the target) have {@code p = 0}. With {@code
 * zeroInfinity} their loss and gradient are 0. Without it the loss is {@code +inf} and, as PyTorch's
 * CPU kernel computes {@code exp(-inf + inf) = NaN}, the gradient of every valid frame is NaN.
 * Frames at or past an utterance's input length always get a zero gradient.
 */
public final class CtcKernel {
  private static final double NEG_INF = Double.NEGATIVE_INFINITY;

  private CtcKernel() {}

  /**
   * Loss and gradient for a padded batch.
   *
   * @param logits {@code [B, T, C]} row-major unnormalised scores
   * @param inputLengths {@code [B]}, each in {@code 0..T}
   * @param targets {@code B} label sequences without blanks
   * @param losses output {@code [B]}: {@code -ln p(target | input)}
   * @param gradient output {@code [B, T, C]}: {@code d loss[b] / d logits[b]}
   */
  public static void batch(
      double[] logits,
      int batch,
      int time,
      int classes,
      int[] inputLengths,
      int[][] targets,
      int blank,
      boolean zeroInfinity,
      double[] losses,
      double[] gradient) {
    int stride = time * classes;
    if (logits.length != batch * stride || gradient.length != batch * stride) {
      throw new IllegalArgumentException("logits and gradient must hold B*T*C elements");
    }
    if (inputLengths.length != batch || targets.length != batch || losses.length != batch) {
      throw new IllegalArgumentException("one input length, target and loss per utterance");
    }
    // Utterances are independent; large batches are spread over the common pool.
    IntStream range = IntStream.range(0, batch);
    if (batch > 1 && (long) stride * batch > 20_000) {
      range = range.parallel();
    }
    range.forEach(
        b ->
            losses[b] =
                utterance(
                    logits, b * stride, time, classes, inputLengths[b], targets[b], blank,
                    zeroInfinity, gradient));
  }

  /**
   * One utterance: writes {@code gradient[offset .. offset + T*C)} and returns the loss.
   *
   * @param offset start of the utterance's {@code [T, C]} block in both arrays
   */
  public static double utterance(
      double[] logits,
      int offset,
      int time,
      int classes,
      int length,
      int[] target,
      int blank,
      boolean zeroInfinity,
      double[] gradient) {
    if (length < 0 || length > time) {
      throw new IllegalArgumentException("input length " + length + " outside 0.." + time);
    }
    Arrays.fill(gradient, offset, offset + time * classes, 0.0);
    int labels = target.length;
    int states = 2 * labels + 1;
    int[] ext = new int[states];
    for (int s = 0; s < states; s++) {
      ext[s] = s % 2 == 0 ? blank : target[s / 2];
    }
    if (length == 0) {
      // No frames: only the empty target is reachable, with probability 1.
      return labels == 0 || zeroInfinity ? 0.0 : Double.POSITIVE_INFINITY;
    }
    double[] lp = logSoftmax(logits, offset, length, classes); // [length, C]
    double[] alpha = forward(lp, length, classes, ext, blank); // [length, S]
    double logLik = logAdd(
        alpha[(length - 1) * states + states - 1],
        states > 1 ? alpha[(length - 1) * states + states - 2] : NEG_INF);
    if (logLik == NEG_INF) {
      if (zeroInfinity) {
        return 0.0;
      }
      Arrays.fill(gradient, offset, offset + length * classes, Double.NaN);
      return Double.POSITIVE_INFINITY;
    }
    double[] beta = backward(lp, length, classes, ext, blank); // [length, S]
    double[] classSum = new double[classes];
    for (int t = 0; t < length; t++) {
      // Scale by the frame's largest alpha+beta so the per-class sums stay in range.
      double max = NEG_INF;
      for (int s = 0; s < states; s++) {
        max = Math.max(max, alpha[t * states + s] + beta[t * states + s]);
      }
      Arrays.fill(classSum, 0.0);
      for (int s = 0; s < states; s++) {
        double ab = alpha[t * states + s] + beta[t * states + s];
        if (ab != NEG_INF) {
          classSum[ext[s]] += Math.exp(ab - max);
        }
      }
      int row = offset + t * classes;
      for (int c = 0; c < classes; c++) {
        double p = lp[t * classes + c];
        double occupancy =
            classSum[c] == 0.0 ? 0.0 : Math.exp(max + Math.log(classSum[c]) - p - logLik);
        gradient[row + c] = Math.exp(p) - occupancy;
      }
    }
    return -logLik;
  }

  private static double[] logSoftmax(double[] logits, int offset, int length, int classes) {
    double[] lp = new double[length * classes];
    for (int t = 0; t < length; t++) {
      int row = offset + t * classes;
      double max = NEG_INF;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, logits[row + c]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        sum += Math.exp(logits[row + c] - max);
      }
      double logZ = max + Math.log(sum);
      for (int c = 0; c < classes; c++) {
        lp[t * classes + c] = logits[row + c] - logZ;
      }
    }
    return lp;
  }

  private static double[] forward(double[] lp, int length, int classes, int[] ext, int blank) {
    int states = ext.length;
    double[] alpha = new double[length * states];
    Arrays.fill(alpha, NEG_INF);
    alpha[0] = lp[ext[0]];
    if (states > 1) {
      alpha[1] = lp[ext[1]];
    }
    for (int t = 1; t < length; t++) {
      int prev = (t - 1) * states;
      int cur = t * states;
      for (int s = 0; s < states; s++) {
        double a = alpha[prev + s];
        if (s > 0) {
          a = logAdd(a, alpha[prev + s - 1]);
        }
        if (s > 1 && ext[s] != blank && ext[s] != ext[s - 2]) {
          a = logAdd(a, alpha[prev + s - 2]);
        }
        alpha[cur + s] = a == NEG_INF ? NEG_INF : a + lp[t * classes + ext[s]];
      }
    }
    return alpha;
  }

  private static double[] backward(double[] lp, int length, int classes, int[] ext, int blank) {
    int states = ext.length;
    double[] beta = new double[length * states];
    Arrays.fill(beta, NEG_INF);
    int last = (length - 1) * states;
    beta[last + states - 1] = lp[(length - 1) * classes + ext[states - 1]];
    if (states > 1) {
      beta[last + states - 2] = lp[(length - 1) * classes + ext[states - 2]];
    }
    for (int t = length - 2; t >= 0; t--) {
      int next = (t + 1) * states;
      int cur = t * states;
      for (int s = 0; s < states; s++) {
        double b = beta[next + s];
        if (s < states - 1) {
          b = logAdd(b, beta[next + s + 1]);
        }
        if (s < states - 2 && ext[s] != blank && ext[s] != ext[s + 2]) {
          b = logAdd(b, beta[next + s + 2]);
        }
        beta[cur + s] = b == NEG_INF ? NEG_INF : b + lp[t * classes + ext[s]];
      }
    }
    return beta;
  }

  /** {@code ln(e^a + e^b)} without overflow, exact when either side is {@code -inf}. */
  static double logAdd(double a, double b) {
    if (a == NEG_INF) {
      return b;
    }
    if (b == NEG_INF) {
      return a;
    }
    double max = Math.max(a, b);
    return max + Math.log1p(Math.exp(-Math.abs(a - b)));
  }
}
