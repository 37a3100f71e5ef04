package dev.seq2seq.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.plugin.Plugins;
import dev.seq2seq.recipe.config.Binder;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.recipe.yaml.MapNode;
import dev.seq2seq.recipe.yaml.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated reference, and the rules every built-in config record must follow. */
class RecipeDocsTest {
  static final ConfigTypes BUILT_IN =
      Plugins.of(List.of(new RecipePlugin())).injector().getInstance(ConfigTypes.class);

  /**
   * docs/RECIPES.md is the built-in reference; regenerate it with
   * {@code mvn -pl modules/recipe test -Dtest=RecipeDocsTest -Dseq2seq.recipes.write=true}.
   */
  @Test
  void committedReferenceIsUpToDate() throws IOException {
    String generated = new RecipeDocs(BUILT_IN).markdown();
    Path file = Path.of(System.getProperty("seq2seq.project.root", "../.."), "docs", "RECIPES.md");
    if (Boolean.getBoolean("seq2seq.recipes.write")) {
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("docs/RECIPES.md is stale; regenerate it (see this test's comment)")
        .isEqualTo(generated);
  }

  @Test
  void referenceCoversEverySectionAndRegisteredType() {
    String md = new RecipeDocs(EchoTask.types()).markdown();
    assertThat(md).contains(
        "## `train`", "## `train.early_stopping`", "## `train.optimizer` (type `sgd`)",
        "## `train.schedule` (type `plateau`)", "## `task` (type `echo`)",
        "## `data` (task `echo`)", "## `model.encoder`",
        "| `batch_size` | integer, > 0 | `32` |",
        "| `beta1` | number, >= 0, < 1 | `0.9` |",
        "| `epochs` | integer, >= 1 | unset |",
        "| `train` | path (relative to the recipe file) | **required** |",
        "| `type` | registered backend name | `native` |");
  }

  /** Every default of every built-in type must bind; a typo in a @Default fails here. */
  @Test
  void everyBuiltInTypeBindsFromItsDefaults() {
    Origin o = Origin.defaultValue();
    for (Class<?> point : List.of(
        dev.seq2seq.recipe.optim.OptimizerConfig.class, dev.seq2seq.recipe.optim.LrScheduleConfig.class)) {
      assertThat(BUILT_IN.typesOf(point)).isNotEmpty();
      for (Class<? extends Record> type : BUILT_IN.typesOf(point).values()) {
        Binder binder = new Binder(BUILT_IN, p -> Set.of(), Path.of("."));
        assertThat(binder.bind(type, MapNode.empty(o))).isInstanceOf(point);
      }
    }
    for (Class<? extends Record> type : List.of(BackendConfig.class, DecodeConfig.class,
        EvaluateConfig.class, EarlyStoppingConfig.class)) {
      Binder binder = new Binder(BUILT_IN, p -> Set.of("native"), Path.of("."));
      assertThat(binder.bind(type, MapNode.empty(o))).isNotNull();
    }
  }
}
