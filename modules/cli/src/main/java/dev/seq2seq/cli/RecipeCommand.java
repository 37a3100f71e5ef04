package dev.seq2seq.cli;

import dev.seq2seq.command.ExitCode;
import com.google.inject.Inject;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.recipe.RecipeDocs;
import dev.seq2seq.recipe.RecipeException;
import dev.seq2seq.recipe.RecipeLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seq2seq recipe check|show|docs}: validate, resolve and document recipes. */
@Command(
    name = "recipe",
    mixinStandardHelpOptions = true,
    description = "Check a recipe, print it fully resolved, or print the recipe reference.",
    subcommands = {RecipeCommand.Check.class, RecipeCommand.Show.class, RecipeCommand.Docs.class})
final class RecipeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  /** The recipe argument and its overrides, shared by check and show. */
  static final class RecipeArgs {
    @Parameters(index = "0", paramLabel = "RECIPE", description = "The recipe (YAML) file.")
    Path recipe;

    @Option(
        names = "--set",
        paramLabel = "KEY=VALUE",
        description = "Override a key, e.g. --set train.batch_size=64 (repeatable; VALUE is YAML).")
    List<String> overrides = new ArrayList<>();

    /** Loads the recipe, or prints every error and returns null. */
    Recipe load(RecipeLoader loader, CommandSpec spec) {
      try {
        return loader.load(recipe, overrides);
      } catch (RecipeException e) {
        spec.commandLine().getErr().println("seq2seq recipe " + spec.name() + ": " + e.getMessage());
        return null;
      }
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Validate a recipe: every unknown key, wrong type, out-of-range or missing value is",
        "reported with its path, file and line. Exit code 0 when valid, 2 otherwise."
      })
  static final class Check implements Callable<Integer> {
    private final RecipeLoader loader;

    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin RecipeArgs args;

    @Inject
    Check(RecipeLoader loader) {
      this.loader = loader;
    }

    @Override
    public Integer call() {
      Recipe recipe = args.load(loader, spec);
      if (recipe == null) {
        return ExitCode.USAGE;
      }
      spec.commandLine().getOut().println("ok: " + recipe.name());
      return ExitCode.OK;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Print the recipe fully resolved: includes merged, overrides applied, references",
        "replaced and every default filled in. This is what is saved with each run."
      })
  static final class Show implements Callable<Integer> {
    private final RecipeLoader loader;

    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin RecipeArgs args;

    @Inject
    Show(RecipeLoader loader) {
      this.loader = loader;
    }

    @Override
    public Integer call() {
      Recipe recipe = args.load(loader, spec);
      if (recipe == null) {
        return ExitCode.USAGE;
      }
      spec.commandLine().getOut().print(loader.print(recipe));
      return ExitCode.OK;
    }
  }

  @Command(
      name = "docs",
      mixinStandardHelpOptions = true,
      description = "Print the recipe reference (Markdown) for the installed plugins.")
  static final class Docs implements Callable<Integer> {
    private final RecipeLoader loader;

    @Spec CommandSpec spec;

    @Inject
    Docs(RecipeLoader loader) {
      this.loader = loader;
    }

    @Override
    public Integer call() {
      spec.commandLine().getOut().print(new RecipeDocs(loader.configTypes()).markdown());
      return ExitCode.OK;
    }
  }
}
