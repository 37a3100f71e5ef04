package dev.seq2seq.nn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A plain timing of CTC decoding at asr-small shapes (not a test; speed targets belong in
 * benchmarks), in thread CPU time: greedy, prefix beam and prefix beam with a vocabulary constraint, back to back.
 * Run after {@code mvn test-compile} with {@code java -cp
 * modules/core/target/classes:modules/core/target/test-classes dev.seq2seq.nn.CtcDecoderSpeed
 * [frames classes beam]}.
 */
final class CtcDecoderSpeed {
  private CtcDecoderSpeed() {}

  public static void main(String[] args) {
    int frames = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int classes = args.length > 1 ? Integer.parseInt(args[1]) : 29;
    int beam = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    Random random = new Random(1);
    int utterances = 200;
    float[][] inputs = new float[utterances][];
    for (int u = 0; u < utterances; u++) {
      // Peaked like a trained model's outputs, mostly blank.
      inputs[u] = CtcDecoderTest.randomLogProbs(random, frames, classes, 4);
      for (int t = 0; t < frames; t++) {
        if (random.nextDouble() < 0.6) {
          inputs[u][t * classes] = Math.max(inputs[u][t * classes], -0.05f);
        }
      }
    }
    VocabularyConstraint digits = VocabularyConstraint.of(VocabularyConstraintTest.DIGITS,
        VocabularyConstraintTest::label, VocabularyConstraintTest.SPACE);
    for (int round = 0; round < 5; round++) {
      double greedy = time(() -> {
        for (float[] lp : inputs) {
          CtcDecoder.greedy(lp, frames, classes, 0);
        }
      }) / utterances;
      double free = time(() -> {
        for (float[] lp : inputs) {
          CtcDecoder.prefixBeam(lp, frames, classes, 0, beam, null);
        }
      }) / utterances;
      double constrained = time(() -> {
        for (float[] lp : inputs) {
          List<CtcDecoder.Result> r = CtcDecoder.prefixBeam(lp, frames, classes, 0, beam, digits);
          digits.keepComplete(r);
        }
      }) / utterances;
      System.out.printf(Locale.ROOT,
          "round %d  T=%d C=%d beam=%d  greedy %.1f us  prefix beam %.1f us  with vocabulary %.1f us per utterance%n",
          round, frames, classes, beam, greedy * 1e6, free * 1e6, constrained * 1e6);
    }
  }

  /** Seconds of this thread's CPU time, so a busy machine stretches the wall clock, not this. */
  private static double time(Runnable r) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    long start = bean.getCurrentThreadCpuTime();
    r.run();
    return (bean.getCurrentThreadCpuTime() - start) / 1e9;
  }
}
