package dev.seq2seq.task.speech.features;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Min;
import java.util.SplittableRandom;

@Doc("SpecAugment-style masking for training (Park et al. 2019, without time warping): bands of"
    + " consecutive steps and of consecutive feature dimensions are set to zero, the mean after"
    + " normalisation. Never applied at evaluation.")
public record SpecAugmentConfig(
    @Doc("Time masks per utterance.") @Default("2") @Min(0) int timeMasks,
    @Doc("Widest time mask, in steps.") @Default("10") @Min(0) int maxTimeWidth,
    @Doc("Widest time mask as a fraction of the utterance's steps (caps max_time_width).") @Default("0.2") @Min(0) double maxTimeFraction,
    @Doc("Frequency masks per utterance.") @Default("2") @Min(0) int freqMasks,
    @Doc("Widest frequency mask, in feature dimensions.") @Default("8") @Min(0) int maxFreqWidth) {

  public static SpecAugmentConfig none() {
    return new SpecAugmentConfig(0, 0, 0, 0, 0);
  }

  /**
   * A masked copy of {@code x}; the masks depend only on {@code random}'s state, so a seeded
   * generator per (epoch, utterance) makes training reproducible and resumable.
   */
  public float[][] apply(float[][] x, SplittableRandom random) {
    float[][] out = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i].clone();
    }
    int steps = x.length;
    int dims = steps == 0 ? 0 : x[0].length;
    int tMax = Math.min(maxTimeWidth, (int) Math.floor(maxTimeFraction * steps));
    for (int m = 0; m < timeMasks && steps > 0; m++) {
      int w = random.nextInt(tMax + 1);
      int t0 = random.nextInt(steps - w + 1);
      for (int t = t0; t < t0 + w; t++) {
        java.util.Arrays.fill(out[t], 0f);
      }
    }
    int fMax = Math.min(maxFreqWidth, dims);
    for (int m = 0; m < freqMasks && dims > 0; m++) {
      int w = random.nextInt(fMax + 1);
      int f0 = random.nextInt(dims - w + 1);
      for (float[] row : out) {
        java.util.Arrays.fill(row, f0, f0 + w, 0f);
      }
    }
    return out;
  }
}
