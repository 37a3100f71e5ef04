package dev.seq2seq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.Batches;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.Embedding;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Linear;
import dev.seq2seq.nn.Parameter;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.nn.Recurrent;
import dev.seq2seq.nn.RecurrentCell;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The core layers ({@code dev.seq2seq.nn}) computed by a backend: forward values against hand
 * computation, PyTorch parameter names, deterministic initialisation, recurrent plumbing and
 * state reordering. Attention and the encoder are in {@link LayerAttentionConformance}. A backend
 * runs it by subclassing and returning a fresh backend.
 */
public abstract class LayerConformance {
  static final double TOL = 1e-5;

  /** The backend under test; the kit never closes it. */
  protected abstract Backend backend();

  private Backend b;

  @BeforeEach
  void open() {
    b = backend();
  }

  @Test
  void linearComputesXWTransposePlusBias() {
    Linear linear = new Linear(new ParameterStore(b, 1).child("out"), 2, 3);
    linear.weight().value().assign(b.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
    linear.bias().value().assign(b.of(new float[] {0.5f, -1, 0}, 3));
    Tensor y = linear.forward(b.of(new float[] {1, 1, 2, -1}, 2, 2));
    assertThat(y.shape().dims()).containsExactly(2, 3);
    assertClose(y.toFloatArray(), 3.5, 6, 11, 0.5, 1, 4);
    // Leading axes are flattened: [B, T, in] -> [B, T, out].
    Tensor y3 = linear.forward(b.of(new float[] {1, 1, 2, -1}, 1, 2, 2));
    assertThat(y3.shape().dims()).containsExactly(1, 2, 3);
    assertClose(y3.toFloatArray(), 3.5, 6, 11, 0.5, 1, 4);
  }

  @Test
  void embeddingLooksUpRowsAndKeepsThePaddingRowOutOfTraining() {
    Embedding emb = new Embedding(new ParameterStore(b, 1).child("emb"), 3, 2, 0);
    assertClose(emb.weight().value().slice(0, 0, 1).toFloatArray(), 0, 0);
    emb.weight().value().assign(b.of(new float[] {9, 9, 1, 2, 3, 4}, 3, 2));
    Tensor ids = b.ofInts(new int[] {1, 0, 2, 1}, 2, 2);
    Tensor out;
    try (GradientTape tape = b.gradientTape()) {
      out = emb.forward(ids);
      tape.backward(out.sum());
    }
    assertThat(out.shape().dims()).containsExactly(2, 2, 2);
    // The padding id reads zeros even though its table row was overwritten.
    assertClose(out.toFloatArray(), 1, 2, 0, 0, 3, 4, 1, 2);
    assertClose(emb.weight().grad().toFloatArray(), 0, 0, 2, 2, 1, 1);
  }

  @Test
  void parametersCarryPytorchNamesAndSeedDeterminedValues() {
    RecurrentSpec spec = new RecurrentSpec(CellType.LSTM, 3, 4, 2, true);
    ParameterStore first = new ParameterStore(b, 5);
    ParameterStore second = new ParameterStore(b, 5);
    Recurrent a = new Recurrent(first.child("rnn"), spec, 0.0);
    new Linear(second.child("unrelated"), 2, 2); // other parameters must not shift the draws
    Recurrent c = new Recurrent(second.child("rnn"), spec, 0.0);
    assertThat(a.parameters().stream().map(Parameter::name).toList())
        .contains("rnn.weight_ih_l0", "rnn.weight_hh_l0_reverse", "rnn.bias_ih_l1_reverse")
        .hasSize(16);
    for (int i = 0; i < a.parameters().size(); i++) {
      assertThat(a.parameters().get(i).value().toFloatArray())
          .containsExactly(c.parameters().get(i).value().toFloatArray());
      assertThat(a.parameters().get(i).value().shape().dims())
          .containsExactly(spec.weightShape(i));
    }
  }

  @Test
  void recurrentPassesWeightsInPytorchOrder() {
    // One tanh unit: h_t = tanh(0.5 x_t + 0.1 + (-1) h_{t-1} + 0).
    Recurrent rnn =
        new Recurrent(
            new ParameterStore(b, 1).child("rnn"),
            new RecurrentSpec(CellType.RNN_TANH, 1, 1, 1, false),
            0.0);
    float[][] w = {{0.5f}, {-1f}, {0.1f}, {0f}};
    for (int i = 0; i < 4; i++) {
      rnn.parameters().get(i).value().assign(b.of(w[i], rnn.spec().weightShape(i)));
    }
    RecurrentOutput out =
        rnn.forward(b.of(new float[] {1, 2}, 1, 2, 1), null, null, ForwardMode.eval());
    double h1 = Math.tanh(0.6);
    double h2 = Math.tanh(1.1 - h1);
    assertClose(out.output().toFloatArray(), h1, h2);
    assertClose(out.state().h().toFloatArray(), h2);
  }

  @Test
  void interLayerDropoutRunsLayerByLayerWithTheGivenGenerator() {
    RecurrentSpec spec = new RecurrentSpec(CellType.GRU, 3, 4, 2, true);
    Recurrent stack = new Recurrent(new ParameterStore(b, 9).child("rnn"), spec, 0.5);
    Tensor x = random(b, 11, 2, 5, 3);
    int[] lengths = {5, 3};
    RecurrentOutput trained =
        stack.forward(x, lengths, null, ForwardMode.train(new SplittableRandom(3)));

    // The same computation by hand: layer 0, dropout from an identical generator, layer 1.
    List<Tensor> w = stack.parameters().stream().map(Parameter::value).toList();
    RecurrentSpec l0 = new RecurrentSpec(CellType.GRU, 3, 4, 1, true);
    RecurrentSpec l1 = new RecurrentSpec(CellType.GRU, 8, 4, 1, true);
    RecurrentOutput first = b.recurrent(l0, x, lengths, null, w.subList(0, 8));
    Tensor dropped = first.output().dropout(0.5, new SplittableRandom(3));
    RecurrentOutput second = b.recurrent(l1, dropped, lengths, null, w.subList(8, 16));
    assertClose(trained.output().toFloatArray(), second.output().toFloatArray());
    assertThat(trained.state().h().shape().dims()).containsExactly(4, 2, 4);
    assertClose(trained.state().h().slice(0, 0, 2).toFloatArray(),
        first.state().h().toFloatArray());
    assertClose(trained.state().h().slice(0, 2, 4).toFloatArray(),
        second.state().h().toFloatArray());

    // Evaluation ignores dropout and runs the fused stack.
    RecurrentOutput eval = stack.forward(x, lengths, null, ForwardMode.eval());
    RecurrentOutput fused = b.recurrent(spec, x, lengths, null, w);
    assertClose(eval.output().toFloatArray(), fused.output().toFloatArray());
  }

  @Test
  void cellStepsReproduceTheFusedSequence() {
    ParameterStore cellStore = new ParameterStore(b, 4);
    ParameterStore seqStore = new ParameterStore(b, 4);
    RecurrentCell cell = new RecurrentCell(cellStore.child("rnn"), CellType.LSTM, 3, 5, 2, 0);
    Recurrent seq =
        new Recurrent(seqStore.child("rnn"), new RecurrentSpec(CellType.LSTM, 3, 5, 2, false), 0);
    Tensor x = random(b, 2, 2, 4, 3); // [B, T, I]
    RecurrentOutput whole = seq.forward(x, null, null, ForwardMode.eval());
    RecurrentState state = null;
    for (int t = 0; t < 4; t++) {
      Tensor xt = x.slice(1, t, t + 1).reshape(2, 3);
      RecurrentOutput out = cell.step(xt, state, ForwardMode.eval());
      state = out.state();
      assertThat(out.output().shape().dims()).containsExactly(2, 5);
      assertClose(out.output().toFloatArray(),
          whole.output().slice(1, t, t + 1).toFloatArray());
      assertClose(cell.top(state).toFloatArray(), out.output().toFloatArray());
    }
    assertClose(state.h().toFloatArray(), whole.state().h().toFloatArray());
    assertClose(state.c().toFloatArray(), whole.state().c().toFloatArray());
  }

  @Test
  void decoderStateReorderSelectsBatchRowsOfEveryField() {
    // h [L=2, B=3, H=2] with value 100*l + 10*b + k; context [B, 2]; attention [B, 4].
    float[] h = new float[12];
    for (int l = 0; l < 2; l++) {
      for (int r = 0; r < 3; r++) {
        for (int k = 0; k < 2; k++) {
          h[(l * 3 + r) * 2 + k] = 100 * l + 10 * r + k;
        }
      }
    }
    Tensor hs = b.of(h, 2, 3, 2);
    DecoderState state =
        new DecoderState(
            new RecurrentState(hs, hs.mul(-1.0)),
            b.of(new float[] {0, 1, 10, 11, 20, 21}, 3, 2),
            random(b, 5, 3, 4));
    DecoderState picked = state.reorder(new int[] {2, 0, 0, 1});
    assertThat(picked.batch()).isEqualTo(4);
    assertClose(picked.rnn().h().toFloatArray(),
        20, 21, 0, 1, 0, 1, 10, 11, 120, 121, 100, 101, 100, 101, 110, 111);
    assertClose(picked.rnn().c().toFloatArray(),
        -20, -21, 0, -1, 0, -1, -10, -11, -120, -121, -100, -101, -100, -101, -110, -111);
    assertClose(picked.context().toFloatArray(), 20, 21, 0, 1, 0, 1, 10, 11);
    float[] att = state.attention().toFloatArray();
    float[] pickedAtt = picked.attention().toFloatArray();
    assertThat(pickedAtt[0]).isEqualTo(att[8]);
    assertThat(pickedAtt[15]).isEqualTo(att[7]);
  }

  @Test
  void selectionGradientScattersBackToTheChosenRows() {
    Tensor x = b.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2).requireGrad();
    try (GradientTape tape = b.gradientTape()) {
      tape.backward(Batches.select(x, 0, new int[] {2, 2, 0}).sum());
    }
    assertClose(x.grad().toFloatArray(), 1, 1, 0, 0, 2, 2);
  }

  static Tensor random(Backend b, long seed, int... shape) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return b.of(v, shape);
  }

  static void assertClose(float[] actual, double... expected) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(TOL));
    }
  }

  static void assertClose(float[] actual, float[] expected) {
    double[] e = new double[expected.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = expected[i];
    }
    assertClose(actual, e);
  }
}
