package dev.seq2seq.testkit;

import static dev.seq2seq.testkit.LayerConformance.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.Batches;
import dev.seq2seq.nn.Embedding;
import dev.seq2seq.nn.EncoderOutput;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Linear;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.nn.RecurrentCell;
import dev.seq2seq.nn.RecurrentEncoder;
import dev.seq2seq.nn.attention.AdditiveAttention;
import dev.seq2seq.nn.attention.AttentionKeys;
import dev.seq2seq.nn.attention.AttentionResult;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Batch invariance, for backends that promise it: a row's result is bit-identical whether it is
 * computed alone or in a padded batch of 64, so a file translated with batch size 1 and 64 gives
 * the same output. Floating-point sums are not associative, so this holds only when every
 * element is reduced in an order that depends neither on the number of rows nor on how the work
 * is split over threads. Not every backend can promise it (libtorch with MKL chooses kernels by
 * shape), so this is a separate kit that a backend opts into.
 */
public abstract class BatchInvarianceConformance {
  private static final int BATCH = 64;

  /** The backend under test; the kit never closes it. */
  protected abstract Backend backend();

  private Backend b;

  @BeforeEach
  void open() {
    b = backend();
  }

  /** Bit equality, reporting only the first differing element (the arrays are long). */
  private static void assertSameBits(Tensor actual, float[] expected, String what) {
    float[] got = actual.toFloatArray();
    assertThat(got).as(what).hasSameSizeAs(expected);
    for (int i = 0; i < got.length; i++) {
      if (Float.floatToIntBits(got[i]) != Float.floatToIntBits(expected[i])) {
        assertThat(got[i]).as("%s, element %d of %d", what, i, got.length).isEqualTo(expected[i]);
      }
    }
  }

  private static float[] rows(float[] all, int width, int from, int to) {
    return Arrays.copyOfRange(all, from * width, to * width);
  }

  @Test
  void linearRowsDoNotDependOnTheBatch() {
    // Sizes on both sides of any few-row special case, with k spanning several cache blocks.
    int[][] shapes = {{300, 37}, {512, 1536}, {1280, 700}};
    long seed = 11;
    for (int[] shape : shapes) {
      int in = shape[0];
      int out = shape[1];
      Linear linear = new Linear(new ParameterStore(b, seed++).child("l"), in, out);
      Tensor x = random(b, seed++, BATCH, in);
      float[] all = linear.forward(x).toFloatArray();
      for (int[] range : new int[][] {{0, 1}, {17, 18}, {63, 64}, {10, 15}, {40, 57}}) {
        Tensor part = x.slice(0, range[0], range[1]);
        assertSameBits(linear.forward(part), rows(all, out, range[0], range[1]),
            "rows " + range[0] + ".." + range[1] + " of [64, " + in + "] x [" + in + ", " + out
                + "]");
      }
    }
  }

  @Test
  void batchedMatmulRowsDoNotDependOnTheBatch() {
    // Attention's context: [B, 1, T] x [B, T, H] per row.
    Tensor w = random(b, 3, BATCH, 1, 19);
    Tensor v = random(b, 4, BATCH, 19, 300);
    float[] all = w.matmul(v).toFloatArray();
    for (int r : new int[] {0, 33, 63}) {
      assertSameBits(w.slice(0, r, r + 1).matmul(v.slice(0, r, r + 1)), rows(all, 300, r, r + 1),
          "row " + r);
    }
  }

  private record Sentences(Tensor ids, int[] lengths, int time) {
    static Sentences random(Backend b, int batch, int vocabulary, long seed) {
      SplittableRandom rng = new SplittableRandom(seed);
      int[] lengths = new int[batch];
      int time = 0;
      for (int i = 0; i < batch; i++) {
        lengths[i] = 1 + rng.nextInt(23);
        time = Math.max(time, lengths[i]);
      }
      int[] ids = new int[batch * time];
      for (int i = 0; i < batch; i++) {
        for (int t = 0; t < lengths[i]; t++) {
          ids[i * time + t] = rng.nextInt(vocabulary);
        }
      }
      return new Sentences(b.ofInts(ids, batch, time), lengths, time);
    }

    /** Sentence {@code r} alone, without padding. */
    Tensor alone(int r) {
      return ids.slice(0, r, r + 1).slice(1, 0, lengths[r]);
    }
  }

  @Test
  void encoderAndAttentionDecoderRowsDoNotDependOnTheBatch() {
    int vocabulary = 50;
    ParameterStore store = new ParameterStore(b, 21);
    RecurrentEncoder encoder = new RecurrentEncoder(store.child("encoder"),
        new RecurrentEncoder.Config(vocabulary, 32, Embedding.NO_PADDING, CellType.GRU, 48, 1,
            true, 0.0));
    AdditiveAttention attention = new AdditiveAttention(store.child("attention"), 64, 96, 40);
    RecurrentCell cell = new RecurrentCell(store.child("cell"), CellType.GRU, 96 + 16, 64, 1, 0.0);
    Linear output = new Linear(store.child("output"), 64 + 96, 300);
    ForwardMode eval = ForwardMode.eval();

    Sentences s = Sentences.random(b, BATCH, vocabulary, 5);
    EncoderOutput enc = encoder.encode(s.ids(), s.lengths(), eval);
    AttentionKeys keys = attention.prepare(enc);
    Tensor h0 = random(b, 8, 1, BATCH, 64);
    Tensor y = random(b, 9, BATCH, 16);
    AttentionResult att = attention.attend(h0.reshape(BATCH, 64), keys);
    RecurrentOutput step = cell.step(Tensor.concat(List.of(y, att.context()), 1),
        new RecurrentState(h0, null), eval);
    Tensor logits = output.forward(Tensor.concat(List.of(step.output(), att.context()), 1));

    float[] states = enc.states().toFloatArray();
    float[] weights = att.weights().toFloatArray();
    for (int r : new int[] {0, 1, 31, 63}) {
      int len = s.lengths()[r];
      EncoderOutput one = encoder.encode(s.alone(r), new int[] {len}, eval);
      float[] mine = new float[len * 96];
      System.arraycopy(states, r * s.time() * 96, mine, 0, len * 96);
      assertSameBits(one.states(), mine, "encoder states of sentence " + r);
      assertSameBits(one.finalState().h(),
          Batches.select(enc.finalState().h(), 1, new int[] {r}).toFloatArray(),
          "encoder final state of sentence " + r);

      AttentionKeys myKeys = attention.prepare(one);
      Tensor myH = h0.slice(1, r, r + 1);
      AttentionResult myAtt = attention.attend(myH.reshape(1, 64), myKeys);
      assertSameBits(myAtt.weights(),
          Arrays.copyOfRange(weights, r * s.time(), r * s.time() + len),
          "attention weights of sentence " + r);
      assertSameBits(myAtt.context(), rows(att.context().toFloatArray(), 96, r, r + 1),
          "attention context of sentence " + r);
      RecurrentOutput myStep = cell.step(
          Tensor.concat(List.of(y.slice(0, r, r + 1), myAtt.context()), 1),
          new RecurrentState(myH, null), eval);
      assertSameBits(myStep.output(), rows(step.output().toFloatArray(), 64, r, r + 1),
          "decoder state of sentence " + r);
      Tensor myLogits =
          output.forward(Tensor.concat(List.of(myStep.output(), myAtt.context()), 1));
      assertSameBits(myLogits, rows(logits.toFloatArray(), 300, r, r + 1),
          "logits of sentence " + r);
    }
  }
}
