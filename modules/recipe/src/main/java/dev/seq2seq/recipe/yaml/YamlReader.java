package dev.seq2seq.recipe.yaml;

import dev.seq2seq.recipe.RecipeError;
import dev.seq2seq.recipe.RecipeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads YAML into a {@link Node} tree with a streaming pass over Jackson's YAML tokens, recording
 * where every key and value was written. Only plain data comes out: tags, anchors and aliases are
 * rejected, so a recipe can never ask for an object to be constructed.
 */
public final class YamlReader {
  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

  private final Path file;
  private final Origin fixed;
  private final List<RecipeError> errors = new ArrayList<>();

  /** @param fixed when non-null, every node gets this origin (overrides, defaults, env values) */
  private YamlReader(Path file, Origin fixed) {
    this.file = file;
    this.fixed = fixed;
  }

  /** Reads a recipe file; an empty file is an empty map. */
  public static MapNode readFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new RecipeException(
          new RecipeError("", "recipe file not found: " + file, Origin.none()));
    } catch (IOException e) {
      throw new RecipeException(
          new RecipeError("", "cannot read recipe file " + file + ": " + e.getMessage(),
              Origin.at(file, 0, 0)));
    }
    YamlReader reader = new YamlReader(file, null);
    Node root = reader.parse(text);
    if (root == null) {
      root = MapNode.empty(Origin.at(file, 1, 1));
    }
    if (!(root instanceof MapNode map)) {
      reader.errors.add(
          new RecipeError("", "a recipe must be a YAML map of sections, found " + root.describe(),
              root.origin()));
      throw new RecipeException(reader.errors);
    }
    reader.throwIfErrors();
    return map;
  }

  /**
   * Reads one value written outside a file ({@code --set} values, {@code @Default} texts, values
   * of environment variables): a scalar or a flow collection such as {@code [a, b]} or {@code
   * {type: adam}}. Empty text is the empty string.
   */
  public static Node readValue(String text, Origin origin) {
    YamlReader reader = new YamlReader(null, origin);
    Node node = reader.parse(text);
    reader.throwIfErrors();
    return node == null ? ScalarNode.string("", origin) : node;
  }

  private void throwIfErrors() {
    if (!errors.isEmpty()) {
      throw new RecipeException(errors);
    }
  }

  /** The document's root, or null for an empty document. */
  private Node parse(String text) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      JsonToken token = p.nextToken();
      if (token == null) {
        return null;
      }
      Node root = read(p, token);
      if (p.nextToken() != null) {
        errors.add(new RecipeError("", "only one YAML document is allowed", origin(p)));
      }
      return root;
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      Origin where =
          fixed != null || at == null ? origin(null) : Origin.at(file, at.getLineNr(), at.getColumnNr());
      errors.add(new RecipeError("", "invalid YAML: " + firstLine(e.getOriginalMessage()), where));
      return null;
    }
  }

  private Node read(JsonParser p, JsonToken token) {
    Origin at = origin(p);
    checkPlainData(p, at);
    switch (token) {
      case START_OBJECT -> {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Origin> keys = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String key = p.currentName();
          Origin keyAt = origin(p);
          Node value = read(p, p.nextToken());
          if (entries.containsKey(key)) {
            errors.add(new RecipeError(key, "duplicate key (first written at line "
                + keys.get(key).line() + ")", keyAt));
          }
          entries.put(key, value);
          keys.put(key, keyAt);
        }
        return new MapNode(entries, keys, at);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          items.add(read(p, t));
        }
        return new ListNode(items, at);
      }
      case VALUE_STRING -> {
        return ScalarNode.string(p.getString(), at);
      }
      case VALUE_NUMBER_INT -> {
        Object n = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getBigIntegerValue() : (Object) p.getLongValue();
        return new ScalarNode(n, p.getString(), at);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new ScalarNode(p.getDoubleValue(), p.getString(), at);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new ScalarNode(token == JsonToken.VALUE_TRUE, p.getString(), at);
      }
      case VALUE_NULL -> {
        return new ScalarNode(null, "null", at);
      }
      default -> throw new IllegalStateException("unexpected YAML token " + token);
    }
  }

  /** Tags could name a type to construct, and aliases hide where a value came from: refuse both. */
  private void checkPlainData(JsonParser p, Origin at) {
    if (p.getTypeId() != null) {
      errors.add(new RecipeError("", "YAML tags (" + p.getTypeId() + ") are not allowed", at));
    }
    if (p.getObjectId() != null || (p instanceof tools.jackson.dataformat.yaml.YAMLParser y
        && y.isCurrentAlias())) {
      errors.add(new RecipeError("",
          "YAML anchors and aliases are not supported; use ${section.key} references", at));
    }
  }

  private Origin origin(JsonParser p) {
    if (fixed != null) {
      return fixed;
    }
    if (p == null) {
      return Origin.at(file, 0, 0);
    }
    TokenStreamLocation at = p.currentTokenLocation();
    return Origin.at(file, at.getLineNr(), at.getColumnNr());
  }

  private static String firstLine(String message) {
    int nl = message == null ? -1 : message.indexOf('\n');
    return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
  }
}
