package dev.seq2seq.task.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.plugin.Plugins;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.recipe.RecipeException;
import dev.seq2seq.recipe.RecipeLoader;
import dev.seq2seq.task.translation.model.MtSmallNetworkConfig;
import dev.seq2seq.task.translation.model.RnnNetworkConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recipes load into the translation records; malformed values are reported by key. */
class TranslationConfigTest {
  private static final RecipeLoader LOADER =
      Plugins.discover(TranslationConfigTest.class.getClassLoader()).injector().getInstance(RecipeLoader.class);

  @Test
  void theRecipesLoad() {
    Recipe small = LOADER.load(Cli.recipe("multi30k-mt-small.yaml"));
    assertThat(((TranslationModelConfig) small.model()).network()).isEqualTo(new MtSmallNetworkConfig());
    TranslationDataConfig data = (TranslationDataConfig) small.data();
    assertThat(data.dataset()).isEqualTo("multi30k");
    assertThat(data.testSplit()).isEqualTo("test_2016_flickr");
    assertThat(data.usesFiles()).isFalse();

    Recipe best = LOADER.load(Cli.recipe("multi30k-de-en.yaml"));
    RnnNetworkConfig net = (RnnNetworkConfig) ((TranslationModelConfig) best.model()).network();
    assertThat(net.encoderLayers()).isEqualTo(2);
    assertThat(net.inputFeeding()).isTrue();
    assertThat(best.decode().beamSize()).isEqualTo(5);
  }

  @Test
  void malformedValuesAreReportedByKey() {
    assertThatThrownBy(() -> LOADER.load(Cli.recipe("multi30k-de-en.yaml"), List.of(
            "data.train_files=[a, b, c]",
            "model.network.attention=dot",
            "model.network.decoder_hidden=300",
            "model.network.cell=rnn_tanh",
            "model.label_smoothing=1.5",
            "data.encoding=klingon",
            "decode.nbest=9")))
        .isInstanceOf(RecipeException.class)
        .hasMessageContaining("data.train_files")
        .hasMessageContaining("[source, target]")
        .hasMessageContaining("validation_files")
        .hasMessageContaining("model.network.attention")
        .hasMessageContaining("model.network.cell")
        .hasMessageContaining("model.label_smoothing")
        .hasMessageContaining("klingon")
        .hasMessageContaining("decode.nbest");
    assertThatThrownBy(() -> LOADER.load(Cli.recipe("multi30k-de-en.yaml"), List.of("model.network={type: transformer}")))
        .isInstanceOf(RecipeException.class)
        .hasMessageContaining("model.network")
        .hasMessageContaining("mt-small");
  }

  @Test
  void userFilesAreResolvedAgainstTheRecipe() {
    Recipe r = LOADER.load(Cli.recipe("multi30k-de-en.yaml"), List.of(
        "data.train_files=[t.tsv]", "data.validation_files=[v.de, v.en]", "data.test_files=[t.tsv]"));
    TranslationDataConfig data = (TranslationDataConfig) r.data();
    assertThat(data.usesFiles()).isTrue();
    assertThat(data.validationFiles()).hasSize(2);
    assertThat(data.trainFiles().get(0)).isEqualTo(data.testFiles().get(0));
    assertThat(data.trainFiles().get(0).getFileName()).isEqualTo(Path.of("t.tsv"));
  }
}
