package dev.seq2seq.task.translation.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.nn.ParameterStore;
import org.junit.jupiter.api.Test;

/** What the recipe's {@code network} section builds. */
class NetworkConfigTest {
  private static final Backend BACKEND = MtSmallModelTest.nativeBackend();

  @Test
  void mtSmallIsTheBenchmarkNetwork() {
    ParameterStore store = new ParameterStore(BACKEND, 1);
    new MtSmallNetworkConfig().build(store, 2820, 2618, 0.1);
    assertThat(store.count()).isEqualTo(8_292_410L); // the peer's count at its vocabularies
  }

  @Test
  void tyingTheOutputLayerSharesTheTargetEmbeddings() {
    RnnNetworkConfig untied = new RnnNetworkConfig(CellType.LSTM, 16, 8, 2, true, 24, 2, "general",
        8, true, 0.1, false);
    RnnNetworkConfig tied = new RnnNetworkConfig(CellType.LSTM, 16, 8, 2, true, 24, 2, "general",
        8, true, 0.1, true);
    ParameterStore a = new ParameterStore(BACKEND, 1);
    ParameterStore b = new ParameterStore(BACKEND, 1);
    new RnnTranslationModel(a, untied, 50, 60, 0.0);
    new RnnTranslationModel(b, tied, 50, 60, 0.0);
    assertThat(a.parameters()).containsKey("decoder.output.weight");
    assertThat(b.parameters()).doesNotContainKey("decoder.output.weight").containsKey("decoder.output.bias");
    assertThat(b.parameters()).containsKey("bridge.cell.weight"); // LSTM to LSTM carries the cell
    // Untied: W_out [60, 24] + b, combine [24, 24 + 16]; tied: b only, combine [16, 24 + 16], and
    // the decoder reads a 16-wide fed-back vector instead of 24.
    assertThat(a.parameters().get("decoder.combine.weight").value().shape().dims()).containsExactly(24, 40);
    assertThat(b.parameters().get("decoder.combine.weight").value().shape().dims()).containsExactly(16, 40);
    assertThat(b.parameters().get("decoder.rnn.weight_ih_l0").value().shape().dims()).containsExactly(4 * 24, 16 + 16);
  }
}
