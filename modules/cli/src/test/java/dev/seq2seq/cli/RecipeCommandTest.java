package dev.seq2seq.cli;

import dev.seq2seq.command.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Registries;
import dev.seq2seq.recipe.DataConfig;
import dev.seq2seq.recipe.ModelConfig;
import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Positive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@code seq2seq recipe ...} in-process. A small task plugin (listed in this module's test
 * {@code META-INF/services}) stands in for the real tasks, with its own stand-in backend.
 */
class RecipeCommandTest {
  @TempDir Path dir;

  /** Registered by the test service file: an echo task and a backend named test-null. */
  public static final class EchoTaskPlugin implements Plugin {
    @Doc("Test task.")
    public record Task() implements TaskConfig {}

    @Doc("Test data.")
    public record Data(@Doc("Training file.") Path train) implements DataConfig {}

    @Doc("Test model.")
    public record Model(@Doc("Hidden units.") @Default("8") @Positive int hidden)
        implements ModelConfig {}

    static final class NullBackend implements BackendProvider {
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
      return "test-echo";
    }

    @Override
    public String description() {
      return "test task for the recipe command";
    }

    @Override
    public Module module() {
      return new AbstractModule() {
        @Override
        protected void configure() {
          ConfigTypes.register(binder(), TaskConfig.class, "echo", Task.class);
          ConfigTypes.register(binder(), DataConfig.class, "echo", Data.class);
          ConfigTypes.register(binder(), ModelConfig.class, "echo", Model.class);
          Registries.backend(binder(), "test-null", NullBackend.class);
        }
      };
    }
  }

  static final String RECIPE = """
      task: {type: echo}
      backend: {type: test-null}
      data: {train: train.txt}
      train: {epochs: 2}
      """;

  Path write(String text) throws IOException {
    Path file = dir.resolve("demo.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void checkAcceptsAValidRecipe() throws IOException {
    MainTest.Result r = MainTest.run("recipe", "check", write(RECIPE).toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("ok: demo\n");
    assertThat(r.code()).isZero();
  }

  @Test
  void checkReportsEveryErrorWithExitCode2() throws IOException {
    Path file = write(RECIPE.replace("{epochs: 2}", "{epochs: 0, bach_size: 3}"));
    MainTest.Result r =
        MainTest.run("recipe", "check", file.toString(), "--set", "model.hidden=-1");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).isEqualTo("""
        seq2seq recipe check: 3 errors in recipe:
          train.epochs: must be >= 1, found 0 (%1$s, line 4)
          train.bach_size: unknown key (did you mean 'batch_size'?); expected one of: epochs, \
        max_steps, batch_size, batch_by, bucketing, optimizer, schedule, clip_norm, validate_every, \
        early_stopping, keep_best, log_every, checkpoint_every (%1$s, line 4)
          model.hidden: must be > 0, found -1 (from --set model.hidden=-1)
        """.formatted(file));
  }

  @Test
  void checkNamesAMissingFile() {
    Path missing = dir.resolve("missing.yaml");
    MainTest.Result r = MainTest.run("recipe", "check", missing.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("recipe file not found: " + missing);
  }

  @Test
  void checkRejectsAnUnknownBackendWithSuggestion() throws IOException {
    MainTest.Result r = MainTest.run("recipe", "check", write(RECIPE).toString(),
        "--set", "backend.type=test-nul");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("backend.type: unknown backend 'test-nul' (did you mean 'test-null'?)");
  }

  @Test
  void showPrintsTheResolvedRecipeWhichChecksAgain() throws IOException {
    MainTest.Result r = MainTest.run("recipe", "show", write(RECIPE).toString(),
        "--set", "train.optimizer={type: sgd, lr: 0.5}", "--set", "decode.beam_size=1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("name: demo\ntask:\n  type: echo\nbackend:\n  type: test-null\n")
        .contains("  optimizer:\n    type: sgd\n    lr: 0.5\n", "  beam_size: 1\n", "  hidden: 8\n");
    Path saved = dir.resolve("saved.yaml");
    Files.writeString(saved, r.out());
    MainTest.Result again = MainTest.run("recipe", "show", saved.toString());
    assertThat(again.out()).isEqualTo(r.out());
  }

  @Test
  void docsIncludeThePluginsSections() {
    MainTest.Result r = MainTest.run("recipe", "docs");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("# Recipe reference")
        .contains("## `data` (task `echo`)", "## `train.optimizer` (type `adam`)");
  }

  @Test
  void recipeWithoutSubcommandShowsUsage() {
    MainTest.Result r = MainTest.run("recipe");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("check", "show", "docs");
  }
}
