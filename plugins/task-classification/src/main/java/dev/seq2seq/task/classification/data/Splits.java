package dev.seq2seq.task.classification.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stratified, seeded splits of labelled examples: each label's examples are shuffled by a
 * generator drawn from the seed, then cut (fractions) or dealt round-robin into folds, so every
 * part keeps the label proportions and the same seed always gives the same parts.
 *
 * @param train example indices to train on
 * @param validation indices for validation (early stopping); empty when none are held out
 * @param test indices of the test part; empty when none is held out
 */
public record Splits(int[] train, int[] validation, int[] test) {

  /**
   * Cuts off {@code test} and then {@code validation} of each label's examples (rounded).
   *
   * @param labels the label index of every example
   */
  public static Splits byFraction(int[] labels, int classes, long seed, double validation,
      double test) {
    List<int[]> byLabel = shuffledByLabel(labels, classes, seed);
    List<Integer> tr = new ArrayList<>();
    List<Integer> va = new ArrayList<>();
    List<Integer> te = new ArrayList<>();
    for (int[] members : byLabel) {
      int nTest = (int) Math.round(members.length * test);
      int nValidation = (int) Math.round(members.length * validation);
      for (int i = 0; i < members.length; i++) {
        (i < nTest ? te : i < nTest + nValidation ? va : tr).add(members[i]);
      }
    }
    return new Splits(sorted(tr), sorted(va), sorted(te));
  }

  /**
   * Fold {@code fold} of {@code folds} is the test part; {@code validation} of each label's
   * remaining examples is held out for validation, the rest trains.
   */
  public static Splits byFold(int[] labels, int classes, long seed, int folds, int fold,
      double validation) {
    if (folds < 2 || fold < 0 || fold >= folds) {
      throw new IllegalArgumentException("fold " + fold + " of " + folds);
    }
    int[] assigned = folds(labels, classes, seed, folds);
    List<int[]> byLabel = shuffledByLabel(labels, classes, seed);
    List<Integer> tr = new ArrayList<>();
    List<Integer> va = new ArrayList<>();
    List<Integer> te = new ArrayList<>();
    for (int[] members : byLabel) {
      int rest = 0;
      for (int i : members) {
        rest += assigned[i] == fold ? 0 : 1;
      }
      int nValidation = (int) Math.round(rest * validation);
      int taken = 0;
      for (int i : members) {
        if (assigned[i] == fold) {
          te.add(i);
        } else if (taken++ < nValidation) {
          va.add(i);
        } else {
          tr.add(i);
        }
      }
    }
    return new Splits(sorted(tr), sorted(va), sorted(te));
  }

  /**
   * The fold of every example: each label's shuffled examples are dealt round-robin, the deal
   * continuing across labels so fold sizes differ by at most one.
   */
  public static int[] folds(int[] labels, int classes, long seed, int folds) {
    int[] assigned = new int[labels.length];
    int next = 0;
    for (int[] members : shuffledByLabel(labels, classes, seed)) {
      for (int i : members) {
        assigned[i] = next;
        next = (next + 1) % folds;
      }
    }
    return assigned;
  }

  private static List<int[]> shuffledByLabel(int[] labels, int classes, long seed) {
    // A generator of its own, so the splits do not shift when other seeded draws change.
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<int[]> out = new ArrayList<>(classes);
    for (int c = 0; c < classes; c++) {
      final int label = c;
      int[] members = java.util.stream.IntStream.range(0, labels.length)
          .filter(i -> labels[i] == label).toArray();
      for (int i = members.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = members[i];
        members[i] = members[j];
        members[j] = t;
      }
      out.add(members);
    }
    return out;
  }

  private static int[] sorted(List<Integer> indices) {
    int[] out = indices.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(out);
    return out;
  }
}
