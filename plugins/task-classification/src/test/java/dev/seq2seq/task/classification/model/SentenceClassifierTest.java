package dev.seq2seq.task.classification.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.plugin.Plugins;
import dev.seq2seq.task.classification.ClassificationModelConfig;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.task.classification.ClassificationModelConfig.Pooling;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pooling looks at the valid steps only: padding a sentence in a batch changes nothing. */
class SentenceClassifierTest {
  private static Backend backend;

  @BeforeAll
  static void open() {
    backend = Plugins.discover(SentenceClassifierTest.class.getClassLoader())
        .registry(dev.seq2seq.backend.BackendProvider.class).get("native")
        .create(new BackendOptions(BackendOptions.Device.CPU, 1));
  }

  @AfterAll
  static void close() {
    backend.close();
  }

  @ParameterizedTest
  @EnumSource(Pooling.class)
  void aSentenceScoresTheSameAloneAndPaddedInABatch(Pooling pooling) {
    for (CellType cell : List.of(CellType.LSTM, CellType.GRU)) {
      ClassificationModelConfig config =
          new ClassificationModelConfig(8, cell, 6, 2, true, pooling, 0.5, 0.0);
      SentenceClassifier model =
          new SentenceClassifier(new ParameterStore(backend, 3), 20, 3, 0, config);
      int[] shortOne = {4, 7, 9};
      int[] longOne = {5, 6, 7, 8, 9, 10, 11};
      float[] alone = model.logits(List.of(shortOne), ForwardMode.eval()).toFloatArray();
      float[] batched =
          model.logits(List.of(longOne, shortOne), ForwardMode.eval()).toFloatArray();
      assertThat(batched).hasSize(6);
      for (int c = 0; c < 3; c++) {
        assertThat(batched[3 + c]).as(pooling + " " + cell).isCloseTo(alone[c], within(1e-5f));
      }
      assertThat(model.featureSize()).isEqualTo(12);
    }
  }
}
