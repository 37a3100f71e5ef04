package dev.seq2seq.task.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.plugin.ExtensionPoint;
import dev.seq2seq.plugin.Plugins;
import dev.seq2seq.recipe.RecipePlugin;
import dev.seq2seq.recipe.config.Binder;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.yaml.MapNode;
import dev.seq2seq.recipe.yaml.Origin;
import dev.seq2seq.recipe.yaml.YamlReader;
import dev.seq2seq.task.translation.text.BpeTokenizerConfig;
import dev.seq2seq.task.translation.text.TokenizerConfig;
import dev.seq2seq.task.translation.text.WordTokenizerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plugin is found by ServiceLoader and lets a recipe pick a tokenizer by name. */
class TranslationPluginTest {
  record Section(@Doc("The tokenizer.") TokenizerConfig tokenizer) {}

  private static Section bind(String yaml) {
    ConfigTypes types = Plugins.of(List.of(new RecipePlugin(), new TranslationPlugin())).injector().getInstance(ConfigTypes.class);
    MapNode map = (MapNode) YamlReader.readValue(yaml, Origin.none());
    return new Binder(types, p -> Set.of(), Path.of(".")).bind(Section.class, map);
  }

  @Test
  void recipesSelectTokenizersByType() {
    assertThat(bind("{tokenizer: {type: word}}").tokenizer()).isEqualTo(new WordTokenizerConfig(true));
    assertThat(bind("{tokenizer: {type: bpe, merges: 100, joint: false}}").tokenizer())
        .isEqualTo(new BpeTokenizerConfig(100, false, 2, true));
    assertThat(TokenizerConfig.class.getAnnotation(ExtensionPoint.class).value()).isEqualTo("tokenizer");
  }

  @Test
  void isDiscoveredByServiceLoader() {
    assertThat(java.util.ServiceLoader.load(dev.seq2seq.plugin.Plugin.class).stream()
        .map(p -> p.type().getSimpleName())).contains("TranslationPlugin");
  }
}
