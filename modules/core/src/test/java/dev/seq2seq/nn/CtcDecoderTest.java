package dev.seq2seq.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.nn.CtcDecoder.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CtcDecoderTest {
  static final double EPS = 1e-9;

  /** Row-major log-probabilities from probabilities given per frame. */
  static float[] log(double[]... frames) {
    float[] out = new float[frames.length * frames[0].length];
    int i = 0;
    for (double[] frame : frames) {
      for (double p : frame) {
        out[i++] = (float) Math.log(p);
      }
    }
    return out;
  }

  /** The float the decoder reads for a probability, back in double. */
  static double lp(double p) {
    return (float) Math.log(p);
  }

  /** Random log-softmax rows; a sharpness above 1 makes frames more peaked. */
  static float[] randomLogProbs(Random random, int frames, int classes, double sharpness) {
    float[] out = new float[frames * classes];
    for (int t = 0; t < frames; t++) {
      double[] z = new double[classes];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        z[c] = random.nextGaussian() * sharpness;
        max = Math.max(max, z[c]);
      }
      double sum = 0;
      for (double v : z) {
        sum += Math.exp(v - max);
      }
      for (int c = 0; c < classes; c++) {
        out[t * classes + c] = (float) (z[c] - max - Math.log(sum));
      }
    }
    return out;
  }

  @Test
  void greedyTakesTheBestClassPerFrameMergesRepeatsAndDropsBlanks() {
    // Best classes 1 1 0 1 2 2 (blank 0): "1 1" merges, the blank separates the second 1.
    float[] lp = log(
        new double[] {0.2, 0.7, 0.1},
        new double[] {0.3, 0.6, 0.1},
        new double[] {0.5, 0.4, 0.1},
        new double[] {0.1, 0.8, 0.1},
        new double[] {0.2, 0.3, 0.5},
        new double[] {0.1, 0.1, 0.8});
    Result r = CtcDecoder.greedy(lp, 6, 3, 0);
    assertThat(r.labels()).containsExactly(1, 1, 2);
    double best = lp(0.7) + lp(0.6) + lp(0.5) + lp(0.8) + lp(0.5) + lp(0.8);
    assertThat(r.logProb()).isCloseTo(best, within(EPS));

    // The blank need not be class 0.
    Result other = CtcDecoder.greedy(lp, 6, 3, 1);
    assertThat(other.labels()).containsExactly(0, 2);
  }

  @Test
  void prefixBeamOnHandComputedCases() {
    // Two frames, blank 0 and one label "a": P(a) = .6*.7 + .6*.3 + .4*.7 = .88, P("") = .12.
    float[] two = log(new double[] {0.4, 0.6}, new double[] {0.3, 0.7});
    List<Result> r = CtcDecoder.prefixBeam(two, 2, 2, 0, 4, null);
    assertThat(r).hasSize(2);
    assertThat(r.get(0).labels()).containsExactly(1);
    assertThat(r.get(0).logProb()).isCloseTo(Math.log(0.88), within(1e-6));
    assertThat(r.get(1).labels()).isEmpty();
    assertThat(r.get(1).logProb()).isCloseTo(lp(0.4) + lp(0.3), within(EPS));

    // Repeated labels: "aa" needs a blank between, a-blank-a = .6*.5*.8 = .24; "" is
    // .4*.5*.2 = .04, and every other path collapses to "a": 1 - .24 - .04 = .72.
    float[] three =
        log(new double[] {0.4, 0.6}, new double[] {0.5, 0.5}, new double[] {0.2, 0.8});
    r = CtcDecoder.prefixBeam(three, 3, 2, 0, 10, null);
    assertThat(r).extracting(x -> Arrays.toString(x.labels()))
        .containsExactly("[1]", "[1, 1]", "[]");
    assertThat(r.get(0).logProb()).isCloseTo(Math.log(0.72), within(1e-6));
    assertThat(r.get(1).logProb()).isCloseTo(lp(0.6) + lp(0.5) + lp(0.8), within(EPS));
    assertThat(r.get(2).logProb()).isCloseTo(lp(0.4) + lp(0.5) + lp(0.2), within(EPS));

    // A beam of one keeps the single best prefix.
    assertThat(CtcDecoder.prefixBeam(three, 3, 2, 0, 1, null)).hasSize(1);
  }

  @Test
  void wideBeamEqualsBruteForceOverEveryAlignment() {
    Random random = new Random(6);
    for (int trial = 0; trial < 60; trial++) {
      int frames = 1 + random.nextInt(5);
      int classes = 2 + random.nextInt(3);
      int blank = random.nextInt(classes);
      float[] lp = randomLogProbs(random, frames, classes, 1 + random.nextInt(3));
      Map<String, Double> exact = bruteForce(lp, frames, classes, blank);

      List<Result> beam = CtcDecoder.prefixBeam(lp, frames, classes, blank, 5000, null);
      String what = "trial " + trial + " T=" + frames + " C=" + classes + " blank=" + blank;
      assertThat(beam).as(what).hasSize(exact.size());
      for (Result r : beam) {
        assertThat(r.logProb()).as(what + " " + r)
            .isCloseTo(exact.get(Arrays.toString(r.labels())), within(EPS));
      }
      for (int i = 1; i < beam.size(); i++) {
        assertThat(beam.get(i).logProb()).as(what).isLessThanOrEqualTo(beam.get(i - 1).logProb());
      }
      String best = exact.entrySet().stream()
          .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      assertThat(Arrays.toString(beam.get(0).labels())).as(what).isEqualTo(best);
      assertThat(beam.get(0).logProb()).as(what).isCloseTo(exact.get(best), within(EPS));
    }
  }

  /** Every one of classes^frames paths, collapsed, probabilities summed per label sequence. */
  static Map<String, Double> bruteForce(float[] lp, int frames, int classes, int blank) {
    Map<String, Double> sums = new HashMap<>();
    int[] path = new int[frames];
    int paths = (int) Math.pow(classes, frames);
    for (int k = 0; k < paths; k++) {
      int rest = k;
      double logProb = 0;
      for (int t = 0; t < frames; t++) {
        path[t] = rest % classes;
        rest /= classes;
        logProb += lp[t * classes + path[t]];
      }
      List<Integer> labels = new ArrayList<>();
      int previous = -1;
      for (int c : path) {
        if (c != blank && c != previous) {
          labels.add(c);
        }
        previous = c;
      }
      double p = Math.exp(logProb);
      sums.merge(labels.toString(), p, Double::sum);
    }
    Map<String, Double> logs = new HashMap<>();
    sums.forEach((k, v) -> logs.put(k, Math.log(v)));
    return logs;
  }

  @Test
  void prefixBeamIsAtLeastGreedyAndBoundedByTheExactLikelihood() {
    Random random = new Random(42);
    for (int trial = 0; trial < 20; trial++) {
      int frames = 20 + random.nextInt(30);
      int classes = 3 + random.nextInt(8);
      float[] lp = randomLogProbs(random, frames, classes, 2);
      Result greedy = CtcDecoder.greedy(lp, frames, classes, 0);
      List<Result> beam = CtcDecoder.prefixBeam(lp, frames, classes, 0, 8, null);
      assertThat(beam).hasSizeLessThanOrEqualTo(8).isNotEmpty();
      assertThat(beam.get(0).logProb()).as("trial " + trial)
          .isGreaterThanOrEqualTo(greedy.logProb());
      // The greedy path is one alignment of its labels: their likelihood is at least its prob.
      assertThat(forward(lp, classes, 0, greedy.labels()))
          .isGreaterThanOrEqualTo(greedy.logProb() - EPS);
      // A pruned beam sums a subset of each prefix's alignments.
      for (Result r : beam) {
        assertThat(r.logProb()).isLessThanOrEqualTo(forward(lp, classes, 0, r.labels()) + EPS);
      }
    }
  }

  /** CTC forward algorithm: log P(labels | logProbs), an independent check of the beam's sums. */
  static double forward(float[] lp, int classes, int blank, int[] labels) {
    int frames = lp.length / classes;
    int s = 2 * labels.length + 1;
    int[] ext = new int[s];
    for (int i = 0; i < s; i++) {
      ext[i] = i % 2 == 0 ? blank : labels[i / 2];
    }
    double[] alpha = new double[s];
    Arrays.fill(alpha, Double.NEGATIVE_INFINITY);
    alpha[0] = lp[ext[0]];
    if (s > 1) {
      alpha[1] = lp[ext[1]];
    }
    for (int t = 1; t < frames; t++) {
      double[] next = new double[s];
      for (int i = 0; i < s; i++) {
        double a = alpha[i];
        if (i > 0) {
          a = CtcDecoder.logAdd(a, alpha[i - 1]);
        }
        if (i > 1 && ext[i] != blank && ext[i] != ext[i - 2]) {
          a = CtcDecoder.logAdd(a, alpha[i - 2]);
        }
        next[i] = a + lp[t * classes + ext[i]];
      }
      alpha = next;
    }
    return s > 1 ? CtcDecoder.logAdd(alpha[s - 1], alpha[s - 2]) : alpha[0];
  }

  @Test
  void aScorerForbidsLabelsAndAddsItsWeights() {
    float[] three =
        log(new double[] {0.4, 0.6}, new double[] {0.5, 0.5}, new double[] {0.2, 0.8});
    // No label twice in a row: "aa" is gone, "a" and "" keep their exact probabilities.
    List<Result> r = CtcDecoder.prefixBeam(three, 3, 2, 0, 10,
        (prefix, label) -> prefix.length > 0 && prefix[prefix.length - 1] == label
            ? Double.NEGATIVE_INFINITY : 0.0);
    assertThat(r).extracting(x -> Arrays.toString(x.labels())).containsExactly("[1]", "[]");
    assertThat(r.get(0).logProb()).isCloseTo(Math.log(0.72), within(1e-6));

    // Forbidding the only label leaves the empty prefix.
    r = CtcDecoder.prefixBeam(three, 3, 2, 0, 10, (prefix, label) -> Double.NEGATIVE_INFINITY);
    assertThat(r).hasSize(1);
    assertThat(r.get(0).labels()).isEmpty();

    // A weight per label (a length penalty of log 0.1) is added and reorders: "a" scores
    // .72 * .1 = .072, "aa" .24 * .01 = .0024, "" stays .04.
    Set<String> asked = new HashSet<>();
    r = CtcDecoder.prefixBeam(three, 3, 2, 0, 10, (prefix, label) -> {
      assertThat(asked.add(Arrays.toString(prefix) + label)).as("asked twice though nothing was pruned").isTrue();
      return Math.log(0.1);
    });
    assertThat(r).extracting(x -> Arrays.toString(x.labels()))
        .containsExactly("[1]", "[]", "[1, 1]");
    assertThat(r.get(0).logProb()).isCloseTo(Math.log(0.072), within(1e-6));
    assertThat(r.get(2).logProb()).isCloseTo(Math.log(0.0024), within(1e-6));

    assertThatThrownBy(() -> CtcDecoder.prefixBeam(three, 3, 2, 0, 2, (p, l) -> Double.NaN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("prefix scorer returned NaN for label 1 after []");
  }

  @Test
  void blankFramesAndNoFramesGiveTheEmptyOutput() {
    float[] blanks = log(new double[] {0.9, 0.05, 0.05}, new double[] {0.8, 0.1, 0.1});
    assertThat(CtcDecoder.greedy(blanks, 2, 3, 0).labels()).isEmpty();
    List<Result> r = CtcDecoder.prefixBeam(blanks, 2, 3, 0, 4, null);
    assertThat(r.get(0).labels()).isEmpty();
    assertThat(r.get(0).logProb()).isCloseTo(lp(0.9) + lp(0.8), within(EPS));

    assertThat(CtcDecoder.greedy(blanks, 0, 3, 0)).isEqualTo(new Result(new int[0], 0.0));
    assertThat(CtcDecoder.prefixBeam(blanks, 0, 3, 0, 4, null))
        .containsExactly(new Result(new int[0], 0.0));
  }

  @Test
  void onlyTheFirstFramesRowsAreRead() {
    // Padding rows after the utterance (here NaN, which would be rejected if read) are ignored.
    float[] lp = new float[4 * 3];
    System.arraycopy(log(new double[] {0.1, 0.8, 0.1}, new double[] {0.1, 0.1, 0.8}), 0, lp, 0, 6);
    Arrays.fill(lp, 6, 12, Float.NaN);
    assertThat(CtcDecoder.greedy(lp, 2, 3, 0).labels()).containsExactly(1, 2);
    assertThat(CtcDecoder.prefixBeam(lp, 2, 3, 0, 4, null).get(0).labels()).containsExactly(1, 2);
  }

  @Test
  void badArgumentsAreRejectedWithTheirValues() {
    float[] lp = log(new double[] {0.5, 0.5}, new double[] {0.5, 0.5});
    assertThatThrownBy(() -> CtcDecoder.prefixBeam(lp, 2, 2, 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("beam must be >= 1, got 0");
    assertThatThrownBy(() -> CtcDecoder.greedy(lp, 2, 3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("logProbs has 4 values, not a whole number of rows of 3 classes");
    assertThatThrownBy(() -> CtcDecoder.prefixBeam(lp, 3, 2, 0, 2, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("logProbs has 2 rows of 2 classes but frames is 3");
    assertThatThrownBy(() -> CtcDecoder.greedy(lp, 2, 2, 2))
        .hasMessage("blank 2 is not a class index (0..1)");
    assertThatThrownBy(() -> CtcDecoder.greedy(lp, -1, 2, 0))
        .hasMessage("frames must be >= 0, got -1");
    assertThatThrownBy(() -> CtcDecoder.greedy(null, 1, 2, 0)).hasMessage("logProbs is null");
    float[] logits = {2.5f, -1f};
    assertThatThrownBy(() -> CtcDecoder.greedy(logits, 1, 2, 0))
        .hasMessage("logProbs at frame 0, class 0 is 2.5: not a log-probability (apply log-softmax first)");
  }
}
