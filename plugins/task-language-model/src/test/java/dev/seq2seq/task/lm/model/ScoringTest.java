package dev.seq2seq.task.lm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.task.lm.Backends;
import dev.seq2seq.task.lm.data.EvalLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Held-out scoring carries the state exactly, on every backend. */
class ScoringTest {
  private static final int VOCABULARY = 7;

  static int[] text(int n) {
    SplittableRandom rng = new SplittableRandom(9);
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = rng.nextInt(VOCABULARY);
    }
    return ids;
  }

  static LanguageModel model(Backend backend, CellType cell, boolean tied) {
    ParameterStore store = new ParameterStore(backend, 5);
    return new LanguageModel(store,
        new LanguageModel.Config(VOCABULARY, cell, 12, 12, 2, 0.3, tied));
  }

  /** The NLL of the whole text read in one pass from a zero state, computed on the host. */
  static double onePass(LanguageModel model, int[] ids) {
    Backend backend = model.backend();
    int n = ids.length - 1;
    int[] inputs = java.util.Arrays.copyOf(ids, n);
    float[] logits = model.forward(backend.ofInts(inputs, 1, n), null, null, ForwardMode.eval())
        .logits().toFloatArray();
    double nll = 0;
    for (int t = 0; t < n; t++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int v = 0; v < VOCABULARY; v++) {
        max = Math.max(max, logits[t * VOCABULARY + v]);
      }
      double z = 0;
      for (int v = 0; v < VOCABULARY; v++) {
        z += Math.exp(logits[t * VOCABULARY + v] - max);
      }
      nll -= logits[t * VOCABULARY + ids[t + 1]] - max - Math.log(z);
    }
    return nll;
  }

  @ParameterizedTest
  @ValueSource(strings = {"native", "djl"})
  void blocksWithACarriedStateScoreLikeOnePass(String backendName) {
    try (Backend backend = Backends.create(backendName)) {
      for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU}) {
        LanguageModel model = model(backend, cell, cell == CellType.GRU);
        int[] ids = text(41);
        double whole = onePass(model, ids);
        Scoring.Nll inBlocks = Scoring.score(model, EvalLayout.blocks(ids, 1, 6));
        assertThat(inBlocks.count()).isEqualTo(40);
        assertThat(inBlocks.sum()).as(cell.toString()).isCloseTo(whole, within(1e-4 * whole));

        // Three streams of 14, 13 and 13 predictions, padded in the last block: each stream
        // scores as its own one-pass text.
        Scoring.Nll streams = Scoring.score(model, EvalLayout.blocks(ids, 3, 5));
        double expected = onePass(model, java.util.Arrays.copyOfRange(ids, 0, 15))
            + onePass(model, java.util.Arrays.copyOfRange(ids, 14, 28))
            + onePass(model, java.util.Arrays.copyOfRange(ids, 27, 41));
        assertThat(streams.count()).isEqualTo(40);
        assertThat(streams.sum()).isCloseTo(expected, within(1e-4 * expected));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"native", "djl"})
  void backendsAgreeOnTheSameSeededModel(String backendName) {
    int[] ids = text(30);
    double reference;
    try (Backend nativeBackend = Backends.create("native")) {
      reference = onePass(model(nativeBackend, CellType.LSTM, false), ids);
    }
    try (Backend backend = Backends.create(backendName)) {
      assertThat(onePass(model(backend, CellType.LSTM, false), ids))
          .isCloseTo(reference, within(1e-4 * reference));
      ParameterStore store = new ParameterStore(backend, 5);
      new LanguageModel(store, new LanguageModel.Config(VOCABULARY, CellType.LSTM, 12, 12, 2, 0, true));
      assertThat(store.parameters()).containsKey("decoder.bias").doesNotContainKey("decoder.weight")
          .containsKey("embedding.weight").containsKey("rnn.weight_hh_l1");
    }
  }
}
