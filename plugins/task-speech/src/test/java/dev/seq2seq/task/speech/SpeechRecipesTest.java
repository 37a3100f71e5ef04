package dev.seq2seq.task.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.plugin.Plugins;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.recipe.RecipeException;
import dev.seq2seq.recipe.RecipeLoader;
import dev.seq2seq.task.speech.data.ConnectedCorpusConfig;
import dev.seq2seq.task.speech.data.FsddCorpusConfig;
import dev.seq2seq.task.speech.features.LogMelConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed speech recipes load, and bad values are reported with their key. */
class SpeechRecipesTest {
  private final RecipeLoader loader =
      Plugins.discover(getClass().getClassLoader()).injector().getInstance(RecipeLoader.class);

  @Test
  void fsddDigitsIsTheAsrSmallNetworkAndFeatures() {
    Recipe r = loader.load(Cli.recipe("fsdd-digits.yaml"));
    SpeechDataConfig data = (SpeechDataConfig) r.data();
    assertThat(data.corpus()).isInstanceOf(FsddCorpusConfig.class);
    assertThat(data.features()).isEqualTo(LogMelConfig.defaults());
    assertThat(data.features().dims()).isEqualTo(80);
    assertThat(((SpeechTaskConfig) r.task()).outputUnits().constraint().complete(
        dev.seq2seq.task.speech.data.Alphabet.encode("seven", "t"))).isTrue();
    SpeechModelConfig m = (SpeechModelConfig) r.model();
    assertThat(List.of(m.cell(), m.hidden(), m.layers(), m.bidirectional()))
        .containsExactly(CellType.LSTM, 256, 2, true);
    assertThat(r.train().batchSize()).isEqualTo(32);
    assertThat(r.train().clipNorm()).isEqualTo(5.0);
  }

  @Test
  void fsddDigitsCompactIsMfccWithGlobalCmvnAndASmallerNetwork() {
    Recipe asrSmall = loader.load(Cli.recipe("fsdd-digits.yaml"));
    Recipe compact = loader.load(Cli.recipe("fsdd-digits-compact.yaml"));
    SpeechDataConfig data = (SpeechDataConfig) compact.data();
    assertThat(data.features()).isInstanceOf(dev.seq2seq.task.speech.features.MfccConfig.class);
    assertThat(data.features().dims()).isEqualTo(39);
    assertThat(data.globalCmvn()).isTrue();
    assertThat(((SpeechModelConfig) compact.model()).hidden()).isEqualTo(128);
    // Everything else is the asr-small recipe's.
    Recipe same = loader.load(Cli.recipe("fsdd-digits.yaml"), List.of(
        "data.features={type: mfcc, stack: 3, normalize: false}", "data.global_cmvn=true",
        "model.hidden=128", "train.epochs=40"));
    assertThat(same.data()).isEqualTo(compact.data());
    assertThat(same.model()).isEqualTo(compact.model());
    assertThat(same.train()).isEqualTo(compact.train());
    assertThat(same.decode()).isEqualTo(compact.decode());
    assertThat(asrSmall.task()).isEqualTo(compact.task());
  }

  @Test
  void fsddConnectedGeneratesTwoToSevenDigitSequences() {
    Recipe r = loader.load(Cli.recipe("fsdd-connected.yaml"));
    ConnectedCorpusConfig c = (ConnectedCorpusConfig) ((SpeechDataConfig) r.data()).corpus();
    assertThat(List.of(c.minDigits(), c.maxDigits())).containsExactly(2, 7);
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> loader.load(Cli.recipe("fsdd-connected.yaml"),
        List.of("data.corpus.max_digits=1")))
        .isInstanceOf(RecipeException.class)
        .hasMessageContaining("data.corpus.max_digits").hasMessageContaining("min_digits");
    assertThatThrownBy(() -> loader.load(Cli.recipe("fsdd-digits.yaml"),
        List.of("data.corpus={type: fsd}")))
        .hasMessageContaining("data.corpus.type").hasMessageContaining("fsdd");
    assertThatThrownBy(() -> loader.load(Cli.recipe("fsdd-digits.yaml"), List.of("model.cell=lstn")))
        .hasMessageContaining("model.cell");
    assertThatThrownBy(() -> loader.load(Cli.recipe("fsdd-digits.yaml"), List.of("model.dropout=1.5")))
        .hasMessageContaining("model.dropout");
    assertThatThrownBy(() -> loader.load(Cli.recipe("fsdd-digits.yaml"),
        List.of("task.lexicon=[one, new york]")))
        .hasMessageContaining("task.lexicon").hasMessageContaining("new york");
    assertThatThrownBy(() -> loader.load(Cli.recipe("fsdd-digits.yaml"), List.of("task.lexicon=[4x4]")))
        .hasMessageContaining("task.lexicon").hasMessageContaining("'4'");
    assertThatThrownBy(() -> loader.load(Cli.recipe("fsdd-digits.yaml"),
        List.of("data.corpus={type: manifest, train: a.jsonl}")))
        .hasMessageContaining("data.corpus.validation").hasMessageContaining("required");
    assertThatThrownBy(() -> loader.load(Cli.recipe("fsdd-digits.yaml"),
        List.of("data.speed_perturb=[0.9, 3.0, 0.9]")))
        .hasMessageContaining("data.speed_perturb[1]").hasMessageContaining("between 0.5 and 2.0")
        .hasMessageContaining("data.speed_perturb[2]").hasMessageContaining("listed twice");
    assertThatThrownBy(() -> loader.load(Cli.recipe("fsdd-digits.yaml"),
        List.of("task.units=words", "task.lexicon=[]")))
        .hasMessageContaining("task.lexicon").hasMessageContaining("units: words");
    assertThatThrownBy(() -> loader.load(Cli.recipe("fsdd-digits.yaml"),
        List.of("task.lexicon=[one, two, One]")))
        .hasMessageContaining("task.lexicon").hasMessageContaining("listed twice");
    assertThatThrownBy(() -> loader.load(Cli.recipe("fsdd-digits.yaml"),
        List.of("data.speed_perturb=[]")))
        .hasMessageContaining("data.speed_perturb").hasMessageContaining("at least one");
  }
}
