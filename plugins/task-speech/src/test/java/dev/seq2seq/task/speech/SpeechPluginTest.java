package dev.seq2seq.task.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.plugin.Plugins;
import dev.seq2seq.recipe.RecipePlugin;
import dev.seq2seq.recipe.config.Binder;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.yaml.MapNode;
import dev.seq2seq.recipe.yaml.Origin;
import dev.seq2seq.recipe.yaml.YamlReader;
import dev.seq2seq.task.speech.features.FeaturesConfig;
import dev.seq2seq.task.speech.features.LogMelConfig;
import dev.seq2seq.task.speech.features.MfccConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plugin is found by ServiceLoader and lets a recipe pick features by name. */
class SpeechPluginTest {
  record Section(@Doc("The features.") FeaturesConfig features) {}

  private static Section bind(String yaml) {
    ConfigTypes types = Plugins.of(List.of(new RecipePlugin(), new SpeechPlugin())).injector().getInstance(ConfigTypes.class);
    MapNode map = (MapNode) YamlReader.readValue(yaml, Origin.none());
    return new Binder(types, p -> Set.of(), Path.of(".")).bind(Section.class, map);
  }

  @Test
  void recipesSelectFeaturesByType() {
    assertThat(bind("{features: {type: log_mel}}").features()).isEqualTo(LogMelConfig.defaults());
    assertThat(bind("{features: {type: log_mel, n_mels: 80, window_ms: 20, stack: 3}}").features())
        .isEqualTo(new LogMelConfig(80, 20, 10, 0, 0, 0, "htk", 1e-6, true, 3));
    FeaturesConfig m = bind("{features: {type: mfcc, n_mfcc: 20}}").features();
    assertThat(m).isInstanceOf(MfccConfig.class);
    assertThat(m.dims()).isEqualTo(20);
  }

  @Test
  void isDiscoveredByServiceLoader() {
    assertThat(java.util.ServiceLoader.load(dev.seq2seq.plugin.Plugin.class).stream()
        .map(p -> p.type().getSimpleName())).contains("SpeechPlugin");
  }
}
