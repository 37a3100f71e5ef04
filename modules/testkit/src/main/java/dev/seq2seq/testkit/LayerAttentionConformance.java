package dev.seq2seq.testkit;

import static dev.seq2seq.testkit.LayerConformance.assertClose;
import static dev.seq2seq.testkit.LayerConformance.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.Batches;
import dev.seq2seq.nn.EncoderOutput;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Linear;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.nn.RecurrentEncoder;
import dev.seq2seq.nn.StateBridge;
import dev.seq2seq.nn.attention.AdditiveAttention;
import dev.seq2seq.nn.attention.Attention;
import dev.seq2seq.nn.attention.AttentionKeys;
import dev.seq2seq.nn.attention.AttentionResult;
import dev.seq2seq.nn.attention.DotAttention;
import dev.seq2seq.nn.attention.GeneralAttention;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attention, the recurrent encoder and the state bridge computed by a backend. */
public abstract class LayerAttentionConformance {

  /** The backend under test; the kit never closes it. */
  protected abstract Backend backend();

  private Backend b;

  @BeforeEach
  void open() {
    b = backend();
  }

  private EncoderOutput encoderOutput(int[] lengths, int time, int hidden) {
    Tensor mask = Batches.paddingMask(b, lengths, time);
    // Non-zero states even at padding: the mask alone must keep padding out of the context.
    Tensor states = random(b, 3, lengths.length, time, hidden);
    return new EncoderOutput(states, lengths, mask, null);
  }

  private List<Attention> attentions(int query, int keys) {
    ParameterStore store = new ParameterStore(b, 2);
    return List.of(
        new AdditiveAttention(store.child("additive"), query, keys, 5),
        new GeneralAttention(store.child("general"), query, keys),
        new DotAttention(keys));
  }

  @Test
  void weightsSumToOneAreZeroOnPaddingAndMixTheStates() {
    int[] lengths = {4, 2, 1};
    EncoderOutput enc = encoderOutput(lengths, 4, 6);
    float[] states = enc.states().toFloatArray();
    for (Attention attention : attentions(6, 6)) {
      AttentionResult r = attention.attend(random(b, 8, 3, 6), enc);
      assertThat(r.weights().shape().dims()).containsExactly(3, 4);
      assertThat(r.context().shape().dims()).containsExactly(3, 6);
      float[] w = r.weights().toFloatArray();
      float[] ctx = r.context().toFloatArray();
      for (int row = 0; row < 3; row++) {
        double sum = 0;
        for (int t = 0; t < 4; t++) {
          float wt = w[row * 4 + t];
          if (t >= lengths[row]) {
            assertThat(wt).as("%s padded weight", attention).isEqualTo(0f);
          } else {
            assertThat(wt).isGreaterThan(0f);
          }
          sum += wt;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
        for (int k = 0; k < 6; k++) {
          double expected = 0;
          for (int t = 0; t < 4; t++) {
            expected += w[row * 4 + t] * states[(row * 4 + t) * 6 + k];
          }
          assertThat((double) ctx[row * 6 + k]).isCloseTo(expected, within(1e-5));
        }
      }
    }
  }

  @Test
  void paddedStatesReceiveNoGradient() {
    int[] lengths = {3, 1};
    for (Attention attention : attentions(4, 4)) {
      Tensor states = random(b, 5, 2, 3, 4).requireGrad();
      EncoderOutput enc =
          new EncoderOutput(states, lengths, Batches.paddingMask(b, lengths, 3), null);
      try (GradientTape tape = b.gradientTape()) {
        tape.backward(attention.attend(random(b, 6, 2, 4), enc).context().sum());
      }
      float[] g = states.grad().toFloatArray(); // [B, T, H]
      for (int row = 0; row < 2; row++) {
        for (int t = 0; t < 3; t++) {
          for (int k = 0; k < 4; k++) {
            float gk = g[(row * 3 + t) * 4 + k];
            if (t >= lengths[row]) {
              assertThat(gk).as("%s gradient at padding", attention).isEqualTo(0f);
            }
          }
        }
      }
      // The valid steps do learn.
      assertThat(g[0] != 0 || g[1] != 0).isTrue();
    }
  }

  @Test
  void dotAttentionScoresAreDotProducts() {
    // One row, two steps: keys [1,0] and [0,1], query [2, 0]: softmax([2, 0]).
    EncoderOutput enc =
        new EncoderOutput(
            b.of(new float[] {1, 0, 0, 1}, 1, 2, 2),
            new int[] {2},
            Batches.paddingMask(b, new int[] {2}, 2),
            null);
    AttentionResult r = new DotAttention(2).attend(b.of(new float[] {2, 0}, 1, 2), enc);
    double e = Math.exp(2);
    assertClose(r.weights().toFloatArray(), e / (e + 1), 1 / (e + 1));
    assertClose(r.context().toFloatArray(), e / (e + 1), 1 / (e + 1));
  }

  @Test
  void preparedKeysGiveTheSameResultAndReorderForBeams() {
    EncoderOutput enc = encoderOutput(new int[] {3, 2}, 3, 4);
    Tensor query = random(b, 4, 2, 3);
    for (Attention attention : attentions(3, 4).subList(0, 2)) {
      AttentionKeys keys = attention.prepare(enc);
      AttentionResult once = attention.attend(query, enc);
      AttentionResult reused = attention.attend(query, keys);
      assertClose(reused.context().toFloatArray(), once.context().toFloatArray());
      // Beam bookkeeping: repeat each row twice, then the queries to match.
      AttentionKeys beams = keys.repeat(2);
      assertThat(beams.encoder().lengths()).containsExactly(3, 3, 2, 2);
      Tensor repeated = Batches.select(query, 0, Batches.repeatIndices(2, 2));
      AttentionResult r = attention.attend(repeated, beams);
      assertClose(r.weights().toFloatArray(),
          Batches.select(once.weights(), 0, new int[] {0, 0, 1, 1}).toFloatArray());
    }
  }

  @Test
  void encoderIgnoresPaddingAndZeroesPaddedStates() {
    RecurrentEncoder encoder =
        new RecurrentEncoder(
            new ParameterStore(b, 6).child("encoder"),
            new RecurrentEncoder.Config(12, 5, 0, CellType.GRU, 4, 2, true, 0.0));
    int[] shortSeq = {3, 7, 5};
    // The short sequence padded inside a batch with a longer one (padding id 0 in the tail) ...
    Tensor batch = b.ofInts(new int[] {3, 7, 5, 0, 0, 0, 4, 4, 9, 10, 11, 3}, 2, 6);
    EncoderOutput padded = encoder.encode(batch, new int[] {3, 6}, ForwardMode.eval());
    // ... and alone, unpadded.
    EncoderOutput alone = encoder.encode(b.ofInts(shortSeq, 1, 3), new int[] {3}, ForwardMode.eval());
    assertThat(padded.states().shape().dims()).containsExactly(2, 6, 8);
    assertClose(padded.states().slice(0, 0, 1).slice(1, 0, 3).toFloatArray(),
        alone.states().toFloatArray());
    assertThat(padded.states().slice(0, 0, 1).slice(1, 3, 6).toFloatArray()).containsOnly(0f);
    assertClose(padded.finalState().h().slice(1, 0, 1).toFloatArray(),
        alone.finalState().h().toFloatArray());
    assertClose(padded.mask().toFloatArray(), 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void encoderDropoutIsReproducibleFromItsGenerator() {
    RecurrentEncoder encoder =
        new RecurrentEncoder(
            new ParameterStore(b, 6).child("encoder"),
            new RecurrentEncoder.Config(12, 5, 0, CellType.LSTM, 4, 2, false, 0.3));
    Tensor ids = b.ofInts(new int[] {3, 7, 5, 0, 4, 4, 9, 10}, 2, 4);
    int[] lengths = {3, 4};
    float[] a = trainEncode(encoder, ids, lengths, 42);
    float[] again = trainEncode(encoder, ids, lengths, 42);
    float[] other = trainEncode(encoder, ids, lengths, 43);
    float[] eval = encoder.encode(ids, lengths, ForwardMode.eval()).states().toFloatArray();
    assertThat(again).containsExactly(a);
    assertThat(other).isNotEqualTo(a);
    assertThat(eval).isNotEqualTo(a);
    assertThat(encoder.encode(ids, lengths, ForwardMode.eval()).states().toFloatArray())
        .containsExactly(eval);
  }

  private static float[] trainEncode(
      RecurrentEncoder encoder, Tensor ids, int[] lengths, long seed) {
    ForwardMode mode = ForwardMode.train(new SplittableRandom(seed));
    return encoder.encode(ids, lengths, mode).states().toFloatArray();
  }

  @Test
  void encoderOutputReorderAndRepeatSelectRows() {
    EncoderOutput enc = encoderOutput(new int[] {2, 1}, 2, 3);
    Tensor h = random(b, 1, 2, 2, 3); // [L*D=2, B=2, H=3]
    enc = new EncoderOutput(enc.states(), enc.lengths(), enc.mask(), new RecurrentState(h, null));
    EncoderOutput swapped = enc.reorder(new int[] {1, 0});
    assertThat(swapped.lengths()).containsExactly(1, 2);
    assertClose(swapped.states().slice(0, 0, 1).toFloatArray(),
        enc.states().slice(0, 1, 2).toFloatArray());
    assertClose(swapped.mask().toFloatArray(), 0, 1, 0, 0);
    assertClose(swapped.finalState().h().slice(1, 0, 1).toFloatArray(),
        h.slice(1, 1, 2).toFloatArray());
    assertThat(enc.repeat(3).batch()).isEqualTo(6);
    assertThat(enc.repeat(3).lengths()).containsExactly(2, 2, 2, 1, 1, 1);
  }

  @Test
  void bridgeProjectsConcatenatedDirections() {
    RecurrentSpec spec = new RecurrentSpec(CellType.GRU, 3, 2, 1, true);
    StateBridge bridge =
        new StateBridge(new ParameterStore(b, 1).child("bridge"), spec, CellType.GRU, 1, 1);
    ParameterStore store = new ParameterStore(b, 1);
    Linear reference = new Linear(store.child("bridge.hidden"), 4, 1);
    // h_n [D=2, B=1, H=2]: forward [1, 2], reverse [3, 4] -> tanh(w · [1, 2, 3, 4] + b).
    RecurrentState fin = new RecurrentState(b.of(new float[] {1, 2, 3, 4}, 2, 1, 2), null);
    RecurrentState init = bridge.apply(fin);
    assertThat(init.h().shape().dims()).containsExactly(1, 1, 1);
    assertThat(init.c()).isNull();
    float[] w = reference.weight().value().toFloatArray();
    double bias = reference.bias().value().toFloatArray()[0];
    double expected = Math.tanh(w[0] + 2 * w[1] + 3 * w[2] + 4 * w[3] + bias);
    assertClose(init.h().toFloatArray(), expected);
  }
}
