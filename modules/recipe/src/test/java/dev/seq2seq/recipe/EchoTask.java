package dev.seq2seq.recipe;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Plugins;
import dev.seq2seq.plugin.Registries;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A tiny task for tests, registered the way real tasks will be: its task, data and model records
 * through {@link ConfigTypes}, plus a do-nothing backend named {@code native}.
 */
public final class EchoTask implements Plugin {

  @Doc("Copies its input; exists only for tests.")
  public record Task(
      @Doc("Source language.") @Default("de") String source,
      @Doc("Target language.") @Default("en") String target) implements TaskConfig {}

  @Doc("Echo data.")
  public record Data(
      @Doc("Training file.") Path train,
      @Doc("Validation file.") @Default("valid.txt") Path valid,
      @Doc("Longer examples are dropped.") @Default("100") @Positive int maxLength,
      @Doc("Extra files by name.") @Default("{}") Map<String, Path> extra) implements DataConfig {}

  @Doc("Echo model.")
  public record Model(
      @Doc("The encoder.") Encoder encoder,
      @Doc("Dropout probability.") @Default("0.1") @Min(0) @Max(1) double dropout,
      @Doc("Layer sizes of the output network.") @Default("[]") List<Integer> outputLayers)
      implements ModelConfig {}

  @Doc("A recurrent encoder.")
  public record Encoder(
      @Doc("Cell type.") @Default("gru") Cell cell,
      @Doc("Hidden units.") @Default("256") @Positive int hidden,
      @Doc("Stacked layers.") @Default("1") @Min(1) @Max(8) int layers,
      @Doc("Read the input in both directions.") @Default("false") boolean bidirectional) {}

  public enum Cell {
    RNN,
    LSTM,
    GRU
  }

  /** A backend provider that is never asked to create anything. */
  static final class NoBackend implements BackendProvider {
    @Override
    public String description() {
      return "test stand-in";
    }

    @Override
    public Backend create(BackendOptions options) {
      throw new UnsupportedOperationException();
    }
  }

  @Override
  public String name() {
    return "task-echo";
  }

  @Override
  public String description() {
    return "test task";
  }

  @Override
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        ConfigTypes.register(binder(), TaskConfig.class, "echo", Task.class);
        ConfigTypes.register(binder(), DataConfig.class, "echo", Data.class);
        ConfigTypes.register(binder(), ModelConfig.class, "echo", Model.class);
        Registries.backend(binder(), "native", NoBackend.class);
      }
    };
  }

  /** Started once: building an injector per test would dominate the test time. */
  private static final class Shared {
    static final Plugins PLUGINS = Plugins.of(List.of(new RecipePlugin(), new EchoTask()));
    static final ConfigTypes TYPES = PLUGINS.injector().getInstance(ConfigTypes.class);
    static final RegistryNames NAMES = PLUGINS.injector().getInstance(RegistryNames.class);
  }

  static Plugins plugins() {
    return Shared.PLUGINS;
  }

  static ConfigTypes types() {
    return Shared.TYPES;
  }

  /** A loader over the recipe plugin and this task, reading variables from {@code env}. */
  static RecipeLoader loader(Map<String, String> env) {
    return new RecipeLoader(Shared.TYPES, Shared.NAMES, env::get);
  }

  static RecipeLoader loader() {
    return loader(Map.of());
  }
}
