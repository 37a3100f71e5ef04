package dev.seq2seq.nn;

import dev.seq2seq.backend.Tensor;
import java.util.SplittableRandom;

/**
 * Whether a forward pass trains (dropout active) or evaluates, and the generator that draws the
 * dropout masks. Passing the generator explicitly keeps runs reproducible: the same seed drops the
 * same elements on every backend.
 *
 * @param training whether dropout is applied
 * @param rng mask generator; required when training, ignored otherwise
 */
public record ForwardMode(boolean training, SplittableRandom rng) {

  private static final ForwardMode EVAL = new ForwardMode(false, null);

  public ForwardMode {
    if (training && rng == null) {
      throw new IllegalArgumentException("a training forward pass needs a dropout generator");
    }
  }

  /** Inference: dropout is the identity. */
  public static ForwardMode eval() {
    return EVAL;
  }

  public static ForwardMode train(SplittableRandom rng) {
    return new ForwardMode(true, rng);
  }

  /** Inverted dropout with probability {@code p} when training, else {@code x} unchanged. */
  public Tensor dropout(Tensor x, double p) {
    return training && p > 0 ? x.dropout(p, rng) : x;
  }
}
