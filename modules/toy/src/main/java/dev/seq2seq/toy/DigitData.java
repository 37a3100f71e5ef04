package dev.seq2seq.toy;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Digit sequences to reverse, and their padded tensor form. Token ids: {@link #PAD}, {@link #BOS},
 * {@link #EOS}, then the digits 0..9 as {@code FIRST_DIGIT + d}.
 */
public final class DigitData {
  public static final int PAD = 0;
  public static final int BOS = 1;
  public static final int EOS = 2;
  public static final int FIRST_DIGIT = 3;
  public static final int VOCABULARY = FIRST_DIGIT + 10;

  private final int minLength;
  private final int maxLength;
  private final Set<String> excluded;

  /** Sequences of {@code minLength..maxLength} digits, never one of {@code excluded}. */
  public DigitData(int minLength, int maxLength, List<int[]> excluded) {
    if (minLength < 1 || maxLength < minLength) {
      throw new IllegalArgumentException("bad length range " + minLength + ".." + maxLength);
    }
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.excluded = new HashSet<>();
    for (int[] s : excluded) {
      this.excluded.add(Arrays.toString(s));
    }
  }

  /** {@code count} random token sequences (digits only, no BOS/EOS). */
  public List<int[]> sample(SplittableRandom rng, int count) {
    List<int[]> out = new ArrayList<>(count);
    while (out.size() < count) {
      int[] s = new int[minLength + rng.nextInt(maxLength - minLength + 1)];
      for (int i = 0; i < s.length; i++) {
        s[i] = FIRST_DIGIT + rng.nextInt(10);
      }
      if (!excluded.contains(Arrays.toString(s))) {
        out.add(s);
      }
    }
    return out;
  }

  public static int[] reversed(int[] s) {
    int[] r = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      r[i] = s[s.length - 1 - i];
    }
    return r;
  }

  /**
   * A padded training batch.
   *
   * @param source INT32 {@code [B, S]}
   * @param sourceLengths tokens per source
   * @param decoderInputs per decoder step, the INT32 {@code [B]} inputs: BOS then the reversed
   *     source (teacher forcing)
   * @param targets INT32 {@code [B * T]}, row-major {@code [B, T]}: the reversed source then EOS,
   *     PAD after
   */
  public record Batch(
      Tensor source, int[] sourceLengths, List<Tensor> decoderInputs, Tensor targets) {
    public int steps() {
      return decoderInputs.size();
    }
  }

  /** Pads sources into a tensor: returns {@code [B, S]} ids, filling {@code lengths}. */
  public static Tensor sources(Backend backend, List<int[]> sequences, int[] lengths) {
    int batch = sequences.size();
    int time = 0;
    for (int[] s : sequences) {
      time = Math.max(time, s.length);
    }
    int[] ids = new int[batch * time]; // PAD is 0
    for (int b = 0; b < batch; b++) {
      int[] s = sequences.get(b);
      System.arraycopy(s, 0, ids, b * time, s.length);
      lengths[b] = s.length;
    }
    return backend.ofInts(ids, batch, time);
  }

  public static Batch batch(Backend backend, List<int[]> sequences) {
    int batch = sequences.size();
    int[] lengths = new int[batch];
    Tensor source = sources(backend, sequences, lengths);
    int steps = source.shape().dim(1) + 1; // every target ends with EOS
    int[] inputs = new int[batch * steps];
    int[] targets = new int[batch * steps];
    for (int b = 0; b < batch; b++) {
      int[] r = reversed(sequences.get(b));
      inputs[b * steps] = BOS;
      System.arraycopy(r, 0, inputs, b * steps + 1, r.length);
      System.arraycopy(r, 0, targets, b * steps, r.length);
      targets[b * steps + r.length] = EOS;
    }
    List<Tensor> perStep = new ArrayList<>(steps);
    for (int t = 0; t < steps; t++) {
      int[] column = new int[batch];
      for (int b = 0; b < batch; b++) {
        column[b] = inputs[b * steps + t];
      }
      perStep.add(backend.ofInts(column, batch));
    }
    return new Batch(source, lengths, perStep, backend.ofInts(targets, batch * steps));
  }
}
