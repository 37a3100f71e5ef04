package dev.seq2seq.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.seq2seq.plugin.Plugins;
import dev.seq2seq.recipe.RecipeLoader;
import dev.seq2seq.train.Task;
import dev.seq2seq.train.TaskSession;
import dev.seq2seq.weights.Weights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens model folders the way inference commands do, on the toy task. */
class ModelLoaderTest {
  private static final Path RECIPE =
      Path.of(System.getProperty("seq2seq.project.root", "../.."), "recipes/toy/reverse-digits.yaml");
  private static final List<String> SMALL =
      List.of("backend.threads=1", "model.embedding=8", "model.hidden=8");

  private final Injector injector = Plugins.discover(getClass().getClassLoader()).injector();

  @TempDir Path dir;

  /** Writes a model folder as {@code seq2seq train} would, with weights that differ from init. */
  private Path modelFolder() throws IOException {
    Path model = Files.createDirectories(dir.resolve("model"));
    Files.copy(RECIPE, model.resolve(ModelLoader.RECIPE_FILE));
    RecipeLoader recipes = injector.getInstance(RecipeLoader.class);
    var recipe = recipes.load(model.resolve(ModelLoader.RECIPE_FILE), SMALL);
    Task task = TaskLookup.task(recipe, recipes.configTypes(),
        injector.getInstance(com.google.inject.Key.get(new com.google.inject.TypeLiteral<Map<String, Task>>() {})));
    try (var backend = TaskLookup.backend(recipe, injector.getInstance(com.google.inject.Key.get(
        new com.google.inject.TypeLiteral<Map<String, dev.seq2seq.backend.BackendProvider>>() {})))) {
      TaskSession<?> session = task.train(recipe, backend);
      session.parameters().parameters().values().forEach(p -> p.value().mulInPlace(0.0));
      Weights.save(model.resolve(ModelLoader.WEIGHTS_FILE), session.parameters(), Map.of());
      session.writeExtras(model);
    }
    return model;
  }

  @Test
  void loadsTheTrainedWeightsIntoTheTaskSession() throws IOException {
    Path model = modelFolder();
    try (LoadedModel loaded = injector.getInstance(ModelLoader.class).load(model, SMALL)) {
      assertThat(loaded.taskName()).isEqualTo("reverse-digits");
      // Fresh parameters are seeded random values; the loaded ones are the saved zeros.
      assertThat(loaded.session().parameters().parameters().values())
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.value().toFloatArray()).containsOnly(0f));
      assertThatThrownBy(() -> loaded.session(String.class, "translate"))
          .isInstanceOf(UsageException.class)
          .hasMessageContaining("'reverse-digits' model, which translate cannot use");
    }
  }

  @Test
  void namesWhatIsWrongWithAFolder() throws IOException {
    ModelLoader loader = injector.getInstance(ModelLoader.class);
    assertThatThrownBy(() -> loader.load(dir.resolve("nope"), List.of()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("nope: no such model folder");
    assertThatThrownBy(() -> loader.load(dir, List.of()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("is not a model folder");
    Path model = modelFolder();
    Files.writeString(model.resolve(ModelLoader.RECIPE_FILE), "task: {type: reverse-digits}\nbogus: 1\n");
    assertThatThrownBy(() -> loader.load(model, List.of()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("bogus");
  }
}
