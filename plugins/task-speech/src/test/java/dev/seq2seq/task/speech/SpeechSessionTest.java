package dev.seq2seq.task.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.metric.CorpusMetric;
import dev.seq2seq.plugin.Plugins;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.recipe.RecipeLoader;
import dev.seq2seq.train.DataPosition;
import dev.seq2seq.train.TaskSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches, augmentation and scoring of a session on ten FSDD recordings. */
class SpeechSessionTest {
  @TempDir static Path dir;
  static Path folder;
  static Injector injector;

  @BeforeAll
  static void data() throws Exception {
    folder = Cli.fsddSubset(dir.resolve("cache"), dir.resolve("fsdd"), "nicolas", 0, 9);
    injector = Plugins.discover(SpeechSessionTest.class.getClassLoader()).injector();
  }

  private static Recipe recipe(String... more) {
    List<String> overrides = new java.util.ArrayList<>(List.of(
        "data.corpus={type: fsdd, folder: " + folder + ", validation_takes: 0}",
        "model.hidden=8", "model.layers=1", "train.batch_size=4", "backend.threads=1"));
    overrides.addAll(List.of(more));
    return injector.getInstance(RecipeLoader.class).load(Cli.recipe("fsdd-digits.yaml"), overrides);
  }

  private static Backend backend() {
    return injector.getInstance(Key.get(new TypeLiteral<Map<String, BackendProvider>>() {}))
        .get("native").create(new BackendOptions(BackendOptions.Device.CPU, 1));
  }

  @Test
  void batchesAreAFunctionOfTheirPositionWithSpecAugment() throws Exception {
    Recipe r = recipe();
    try (Backend backend = backend()) {
      SpeechSession a = (SpeechSession) new SpeechTask(Map.of()).train(r, backend);
      SpeechSession b = (SpeechSession) new SpeechTask(Map.of()).train(r, backend);
      assertThat(a.batchesPerEpoch()).isEqualTo(3); // 10 utterances in batches of 4
      DataPosition p = new DataPosition(2, 1);
      SpeechSession.SpeechBatch x = a.batch(p);
      SpeechSession.SpeechBatch y = b.batch(p);
      assertThat(x.features().toFloatArray()).containsExactly(y.features().toFloatArray());
      assertThat(x.lengths()).containsExactly(y.lengths());
      // The masks (recipe: 2 time and 2 frequency masks) zero some values the plain features have.
      SpeechSession plain = (SpeechSession) new SpeechTask(Map.of())
          .train(recipe("data.spec_augment={time_masks: 0, freq_masks: 0}"), backend);
      float[] masked = x.features().toFloatArray();
      float[] clean = plain.batch(p).features().toFloatArray();
      int zeroed = 0;
      for (int i = 0; i < masked.length; i++) {
        if (masked[i] == 0 && clean[i] != 0) {
          zeroed++;
        }
      }
      assertThat(zeroed).isPositive();
      assertThat(x.tokens()).isEqualTo(java.util.Arrays.stream(x.lengths()).sum());
    }
  }

  @Test
  void scoringWithoutTheWerMetricSaysWhichPluginBringsIt() throws Exception {
    try (Backend backend = backend()) {
      TaskSession<?> s = new SpeechTask(Map.of()).train(recipe(), backend);
      assertThatThrownBy(() -> s.metrics(TaskSession.Split.VALIDATION))
          .hasMessageContaining("'wer' metric").hasMessageContaining("metrics-text");
    }
  }

  @Test
  void scoresLossWerCerAndAccuracy() throws Exception {
    Map<String, CorpusMetric> metrics =
        injector.getInstance(Key.get(new TypeLiteral<Map<String, CorpusMetric>>() {}));
    try (Backend backend = backend()) {
      TaskSession<?> s = new SpeechTask(metrics).train(recipe(), backend);
      Map<String, Double> m = s.metrics(TaskSession.Split.TEST);
      assertThat(m).containsOnlyKeys("loss", "wer", "cer", "accuracy");
      // An untrained model writes nothing or noise: every word is wrong.
      assertThat(m.get("wer")).isGreaterThanOrEqualTo(100.0);
      assertThat(m.get("accuracy")).isZero();
      assertThat(m.get("loss")).isPositive();
    }
  }

  @Test
  void globalCmvnIsSavedAndReadBack() throws Exception {
    Recipe r = recipe("data.global_cmvn=true");
    try (Backend backend = backend()) {
      SpeechSession s = (SpeechSession) new SpeechTask(Map.of()).train(r, backend);
      Path model = java.nio.file.Files.createDirectories(dir.resolve("model"));
      s.writeExtras(model);
      assertThat(model.resolve("cmvn.json")).exists();
      SpeechSession loaded = (SpeechSession) new SpeechTask(Map.of()).load(r, backend, model);
      var audio = dev.seq2seq.task.speech.audio.AudioReader.read(folder.resolve("3_nicolas_0.wav"));
      assertThat(loaded.features(audio)).isDeepEqualTo(s.features(audio));
      java.nio.file.Files.delete(model.resolve("cmvn.json"));
      assertThatThrownBy(() -> new SpeechTask(Map.of()).load(r, backend, model))
          .hasMessageContaining("cmvn.json is missing");
    }
  }
}
