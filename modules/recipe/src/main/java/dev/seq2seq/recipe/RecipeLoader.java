package dev.seq2seq.recipe;

import com.google.inject.Inject;
import dev.seq2seq.recipe.config.Binder;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.recipe.config.Unbinder;
import dev.seq2seq.recipe.yaml.MapNode;
import dev.seq2seq.recipe.yaml.Node;
import dev.seq2seq.recipe.yaml.Origin;
import dev.seq2seq.recipe.yaml.ScalarNode;
import dev.seq2seq.recipe.yaml.YamlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads a recipe: parse (with positions) → resolve {@code include:} → apply {@code --set}
 * overrides → interpolate {@code ${...}} → bind to {@link Recipe} → validate. Every problem found
 * along the way is reported together in one {@link RecipeException}; only file-level problems
 * (unreadable or malformed YAML, bad includes) stop the pipeline early, because what follows
 * them would be noise.
 */
public final class RecipeLoader {
  private final ConfigTypes types;
  private final Function<Class<?>, Set<String>> registryNames;
  private final Function<String, String> environment;

  @Inject
  public RecipeLoader(ConfigTypes types, RegistryNames registryNames) {
    this(types, registryNames, System::getenv);
  }

  /** @param environment looks up {@code ${env:NAME}} (tests pass a map's {@code get}) */
  public RecipeLoader(
      ConfigTypes types,
      Function<Class<?>, Set<String>> registryNames,
      Function<String, String> environment) {
    this.types = types;
    this.registryNames = registryNames;
    this.environment = environment;
  }

  public Recipe load(Path file) {
    return load(file, List.of());
  }

  /** @param overrides {@code key.path=value} assignments, applied in order */
  public Recipe load(Path file, List<String> overrides) {
    if (!Files.isRegularFile(file)) {
      throw new RecipeException(
          new RecipeError("", "recipe file not found: " + file, Origin.none()));
    }
    List<RecipeError> errors = new ArrayList<>();
    MapNode tree = new Includes(errors).load(file);
    if (!errors.isEmpty()) {
      throw new RecipeException(errors);
    }
    tree = new Overrides(errors).apply(tree, overrides);
    if (tree.get("name") == null || isEmptyString(tree.get("name"))) {
      // Set before interpolation so that ${name} can be used, e.g. in output paths.
      tree = tree.with("name", ScalarNode.string(stem(file), tree.origin()), tree.origin());
    }
    Interpolation interpolation = new Interpolation(tree, environment, errors);
    tree = interpolation.resolve();
    Path base = file.toAbsolutePath().getParent();
    try {
      Recipe recipe = new Binder(types, registryNames, base).bind(Recipe.class, tree);
      if (errors.isEmpty()) {
        return recipe;
      }
    } catch (RecipeException e) {
      for (RecipeError error : e.errors()) {
        if (!follows(error, interpolation.failedPaths())) {
          errors.add(error);
        }
      }
    }
    throw new RecipeException(errors);
  }

  /** The recipe as canonical YAML: every field, defaults filled in; loading it gives it back. */
  public String print(Recipe recipe) {
    return YamlWriter.write(new Unbinder(types).toTree(recipe));
  }

  public ConfigTypes configTypes() {
    return types;
  }

  /** Whether a binder error is a consequence of a reference that could not be resolved. */
  private static boolean follows(RecipeError error, Set<String> failedPaths) {
    String path = error.path().replaceAll("\\[(\\d+)]", ".$1");
    for (String failed : failedPaths) {
      if (path.equals(failed) || path.startsWith(failed + ".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEmptyString(Node node) {
    return node instanceof ScalarNode s && s.isString() && s.text().isEmpty();
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
