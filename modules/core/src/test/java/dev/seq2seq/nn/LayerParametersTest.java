package dev.seq2seq.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.nn.attention.AdditiveAttention;
import dev.seq2seq.nn.attention.GeneralAttention;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter names, shapes and initial values: the contract with PyTorch checkpoints. */
class LayerParametersTest {
  private final Backend backend = HostOnlyBackend.create();

  @Test
  void linearHasPytorchNamesShapesAndBounds() {
    ParameterStore store = new ParameterStore(backend, 7);
    Linear linear = new Linear(store.child("decoder.out"), 16, 5);
    assertThat(store.parameters().keySet()).containsExactly("decoder.out.weight", "decoder.out.bias");
    assertThat(linear.weight().value().shape().dims()).containsExactly(5, 16);
    assertThat(linear.bias().value().shape().dims()).containsExactly(5);
    assertWithin(linear.weight().value().toFloatArray(), 1 / Math.sqrt(16));
    assertWithin(linear.bias().value().toFloatArray(), 1 / Math.sqrt(16));
    assertThat(linear.weight().value().requiresGrad()).isTrue();
  }

  @Test
  void linearWithoutBiasCreatesOnlyTheWeight() {
    ParameterStore store = new ParameterStore(backend, 7);
    Linear linear = new Linear(store.child("proj"), 3, 4, false);
    assertThat(linear.bias()).isNull();
    assertThat(store.parameters().keySet()).containsExactly("proj.weight");
  }

  @Test
  void embeddingPaddingRowStartsAtZeroAndOthersAreNormal() {
    ParameterStore store = new ParameterStore(backend, 3);
    Embedding emb = new Embedding(store.child("embedding"), 50, 8, 2);
    float[] w = emb.weight().value().toFloatArray();
    assertThat(Arrays.copyOfRange(w, 16, 24)).containsOnly(0f);
    double sum = 0;
    double sq = 0;
    int n = 0;
    for (int i = 0; i < w.length; i++) {
      if (i / 8 != 2) {
        sum += w[i];
        sq += w[i] * w[i];
        n++;
      }
    }
    // 392 draws of N(0,1): mean within ~4 sigma of 0, variance near 1.
    assertThat(sum / n).isBetween(-0.2, 0.2);
    assertThat(sq / n).isBetween(0.75, 1.25);
  }

  @Test
  void embeddingRejectsBadPaddingIndex() {
    ParameterStore store = new ParameterStore(backend, 3);
    assertThatThrownBy(() -> new Embedding(store.child("e"), 10, 4, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("padding index 10");
  }

  @Test
  void recurrentNamesMatchTorchLstm() {
    ParameterStore store = new ParameterStore(backend, 1);
    Recurrent rnn =
        new Recurrent(store.child("rnn"), new RecurrentSpec(CellType.LSTM, 6, 4, 2, true), 0.1);
    List<String> expected =
        List.of(
            "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
            "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse",
            "bias_hh_l0_reverse",
            "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1",
            "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse",
            "bias_hh_l1_reverse");
    assertThat(store.parameters().keySet())
        .containsExactlyElementsOf(expected.stream().map(n -> "rnn." + n).toList());
    Map<String, Parameter> p = store.parameters();
    assertThat(p.get("rnn.weight_ih_l0").value().shape().dims()).containsExactly(16, 6);
    assertThat(p.get("rnn.weight_ih_l1_reverse").value().shape().dims()).containsExactly(16, 8);
    assertThat(p.get("rnn.weight_hh_l1").value().shape().dims()).containsExactly(16, 4);
    assertThat(p.get("rnn.bias_hh_l0_reverse").value().shape().dims()).containsExactly(16);
    for (Parameter param : rnn.parameters()) {
      assertWithin(param.value().toFloatArray(), 0.5);
    }
  }

  @Test
  void initialValuesDependOnlyOnSeedAndName() {
    ParameterStore a = new ParameterStore(backend, 11);
    ParameterStore b = new ParameterStore(backend, 11);
    new Linear(a.child("x"), 4, 4); // created first only in store a: must not matter
    Recurrent ra = new Recurrent(a.child("enc"), new RecurrentSpec(CellType.GRU, 3, 5, 1, false), 0);
    Recurrent rb = new Recurrent(b.child("enc"), new RecurrentSpec(CellType.GRU, 3, 5, 1, false), 0);
    for (int i = 0; i < ra.parameters().size(); i++) {
      assertThat(ra.parameters().get(i).value().toFloatArray())
          .containsExactly(rb.parameters().get(i).value().toFloatArray());
    }
    Recurrent other =
        new Recurrent(
            new ParameterStore(backend, 12).child("enc"),
            new RecurrentSpec(CellType.GRU, 3, 5, 1, false),
            0);
    assertThat(other.parameters().get(0).value().toFloatArray())
        .isNotEqualTo(ra.parameters().get(0).value().toFloatArray());
  }

  @Test
  void recurrentCellAndEncoderNamespaces() {
    ParameterStore store = new ParameterStore(backend, 1);
    new RecurrentEncoder(
        store.child("encoder"),
        new RecurrentEncoder.Config(20, 8, 0, CellType.GRU, 6, 1, true, 0.2));
    RecurrentCell cell = new RecurrentCell(store.child("decoder.rnn"), CellType.LSTM, 10, 6, 1, 0);
    assertThat(cell.hiddenSize()).isEqualTo(6);
    assertThat(store.parameters().keySet())
        .containsExactly(
            "encoder.embedding.weight",
            "encoder.rnn.weight_ih_l0", "encoder.rnn.weight_hh_l0",
            "encoder.rnn.bias_ih_l0", "encoder.rnn.bias_hh_l0",
            "encoder.rnn.weight_ih_l0_reverse", "encoder.rnn.weight_hh_l0_reverse",
            "encoder.rnn.bias_ih_l0_reverse", "encoder.rnn.bias_hh_l0_reverse",
            "decoder.rnn.weight_ih_l0", "decoder.rnn.weight_hh_l0",
            "decoder.rnn.bias_ih_l0", "decoder.rnn.bias_hh_l0");
    assertThat(store.parameters().get("decoder.rnn.weight_ih_l0").value().shape().dims())
        .containsExactly(24, 10);
  }

  @Test
  void attentionParameterNamesAndShapes() {
    ParameterStore store = new ParameterStore(backend, 1);
    AdditiveAttention additive = new AdditiveAttention(store.child("attention"), 6, 10, 7);
    new GeneralAttention(store.child("general"), 6, 10);
    Map<String, Parameter> p = store.parameters();
    assertThat(p.keySet())
        .containsExactly(
            "attention.key.weight", "attention.query.weight", "attention.query.bias",
            "attention.energy.weight", "general.key.weight");
    assertThat(p.get("attention.key.weight").value().shape().dims()).containsExactly(7, 10);
    assertThat(p.get("attention.query.weight").value().shape().dims()).containsExactly(7, 6);
    assertThat(p.get("attention.energy.weight").value().shape().dims()).containsExactly(1, 7);
    assertThat(p.get("general.key.weight").value().shape().dims()).containsExactly(6, 10);
    assertThat(additive.querySize()).isEqualTo(6);
    assertThat(additive.keySize()).isEqualTo(10);
    assertThat(additive.attentionSize()).isEqualTo(7);
  }

  @Test
  void stateBridgeNamesDependOnCells() {
    ParameterStore store = new ParameterStore(backend, 1);
    new StateBridge(
        store.child("lstm"), new RecurrentSpec(CellType.LSTM, 4, 5, 2, true), CellType.LSTM, 1, 3);
    new StateBridge(
        store.child("gru"), new RecurrentSpec(CellType.GRU, 4, 5, 1, true), CellType.GRU, 1, 3);
    assertThat(store.parameters().keySet())
        .containsExactly(
            "lstm.hidden.weight", "lstm.hidden.bias", "lstm.cell.weight", "lstm.cell.bias",
            "gru.hidden.weight", "gru.hidden.bias");
    assertThat(store.parameters().get("lstm.hidden.weight").value().shape().dims())
        .containsExactly(3, 10);
  }

  @Test
  void recurrentRejectsBadDropoutAndInput() {
    ParameterStore store = new ParameterStore(backend, 1);
    RecurrentSpec spec = new RecurrentSpec(CellType.GRU, 3, 4, 1, false);
    assertThatThrownBy(() -> new Recurrent(store.child("a"), spec, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    Recurrent rnn = new Recurrent(store.child("b"), spec, 0);
    assertThatThrownBy(
            () -> rnn.forward(backend.of(new float[10], 2, 5), null, null, ForwardMode.eval()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[B, T, 3]");
    assertThatThrownBy(
            () ->
                rnn.forward(
                    backend.of(new float[30], 2, 5, 3), new int[] {5}, null, ForwardMode.eval()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 lengths for a batch of 2");
  }

  private static void assertWithin(float[] values, double bound) {
    for (float v : values) {
      assertThat((double) v).isBetween(-bound, bound);
    }
    // Not degenerate: a uniform draw spreads over the interval.
    double max = 0;
    for (float v : values) {
      max = Math.max(max, Math.abs(v));
    }
    assertThat(max).isGreaterThan(bound / 4);
  }
}
