package dev.seq2seq.recipe;

import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.recipe.config.Schema;
import dev.seq2seq.recipe.config.Schema.Field;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Generates the recipe reference (Markdown) from the config records themselves: one table per
 * section with each key's type, constraints, default and {@code @Doc} description, and one table
 * per registered type of every polymorphic section. {@code docs/RECIPES.md} is its output for the
 * built-in sections; {@code seq2seq recipe docs} adds the sections of every installed plugin.
 */
public final class RecipeDocs {
  private final ConfigTypes types;

  public RecipeDocs(ConfigTypes types) {
    this.types = types;
  }

  private record Section(String title, Class<? extends Record> type) {}

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Recipe reference\n\n")
        .append("<!-- Generated from the config records by `seq2seq recipe docs`; do not edit. -->\n\n")
        .append(INTRO);
    section(md, new Section("Top level", Recipe.class), new HashSet<>());
    return md.toString();
  }

  /** One section's table, then the sections its fields lead to, depth first in field order. */
  private void section(StringBuilder md, Section s, Set<String> seen) {
    if (!seen.add(s.title())) {
      return;
    }
    Schema schema = Schema.of(s.type());
    md.append("## ").append(s.title()).append("\n\n");
    if (!schema.doc().isEmpty()) {
      md.append(schema.doc()).append("\n\n");
    }
    md.append("| key | type | default | description |\n| --- | --- | --- | --- |\n");
    String prefix = s.type() == Recipe.class ? "" : s.title().replaceAll("`([^`]*)`.*", "$1") + ".";
    List<Section> next = new ArrayList<>();
    for (Field f : schema.fields()) {
      md.append("| `").append(f.name()).append("` | ").append(cell(typeOf(f, f.type())))
          .append(" | ").append(cell(defaultOf(f))).append(" | ").append(cell(f.doc()))
          .append(" |\n");
      next.addAll(children(prefix + f.name(), f));
    }
    md.append('\n');
    for (Section child : next) {
      section(md, child, seen);
    }
  }

  /** The sections a field leads to: a nested record, or every registered type of a point. */
  private List<Section> children(String path, Field f) {
    List<Section> out = new ArrayList<>();
    Class<?> raw = elementClass(f.type());
    if (f.typeFrom() != null) {
      types.typesOf(raw).forEach((task, type) -> out.add(new Section(
          "`" + path + "` (" + f.typeFrom() + " `" + task + "`)", type)));
    } else if (ConfigTypes.isPoint(raw)) {
      types.typesOf(raw).forEach((name, type) -> out.add(new Section(
          "`" + path + "` (type `" + name + "`)", type)));
    } else if (raw.isRecord()) {
      @SuppressWarnings("unchecked")
      Class<? extends Record> rt = (Class<? extends Record>) raw;
      out.add(new Section("`" + path + "`", rt));
    }
    return out;
  }

  private static Class<?> elementClass(Type type) {
    Class<?> raw = Schema.raw(type);
    return raw == List.class || raw == Map.class ? elementClass(Schema.elementType(type)) : raw;
  }

  private String typeOf(Field f, Type type) {
    Class<?> raw = Schema.raw(type);
    String base;
    if (raw == List.class) {
      return "list of " + typeOf(f, Schema.elementType(type));
    } else if (raw == Map.class) {
      return "map of " + typeOf(f, Schema.elementType(type));
    } else if (f.typeFrom() != null) {
      base = "section chosen by `" + f.typeFrom() + ".type`";
    } else if (ConfigTypes.isPoint(raw)) {
      Set<String> names = types.typesOf(raw).keySet();
      base = ConfigTypes.pointName(raw) + " by `type`"
          + (names.isEmpty() ? "" : ": `" + String.join("`, `", names) + "`");
    } else if (raw.isRecord()) {
      base = "section";
    } else if (raw.isEnum()) {
      base = "`" + String.join("` | `", Arrays.stream(raw.getEnumConstants())
          .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList()) + "`";
    } else if (raw == String.class) {
      base = f.registered() != null
          ? "registered " + dev.seq2seq.plugin.Registries.registryName(f.registered()) + " name"
          : "string";
    } else if (raw == Path.class) {
      base = "path (relative to the recipe file)";
    } else if (raw == boolean.class || raw == Boolean.class) {
      base = "boolean";
    } else if (raw == double.class || raw == Double.class) {
      base = "number";
    } else {
      base = "integer";
    }
    List<String> rules = new ArrayList<>();
    if (f.positive()) {
      rules.add("> 0");
    }
    if (f.min() != null) {
      rules.add((f.min().exclusive() ? "> " : ">= ") + number(f.min().value()));
    }
    if (f.max() != null) {
      rules.add((f.max().exclusive() ? "< " : "<= ") + number(f.max().value()));
    }
    if (!f.oneOf().isEmpty()) {
      rules.add("one of `" + String.join("`, `", f.oneOf()) + "`");
    }
    return rules.isEmpty() ? base : base + ", " + String.join(", ", rules);
  }

  private static String defaultOf(Field f) {
    if (f.defaultText() != null) {
      return "`" + f.defaultText() + "`";
    }
    if (f.optional()) {
      return "unset";
    }
    return f.nestedRecord() ? "" : "**required**";
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static final String INTRO = """
      A recipe is a YAML file describing one experiment. Components are chosen by their
      registered short names (`type: adam`); a recipe never names a Java class and cannot run
      code (YAML tags, anchors and aliases are rejected).

      - `include: base.yaml` (or a list) merges base recipes first, relative to the including
        file; later keys win, maps merge key by key, lists and values are replaced.
      - `${train.batch_size}` is replaced by another key's value (typed when it is the whole
        value, joined as text inside a longer string); `${env:NAME}` and
        `${env:NAME:-default}` read environment variables; `$${` writes a literal `${`.
      - `--set train.batch_size=64` (repeatable) overrides any nested key from the command line;
        the value is YAML, so `--set evaluate.metrics=[bleu,chrf]` works.
      - Every unknown key, wrong type, out-of-range value and missing required key is reported
        at once, with its dotted path, file and line; `seq2seq recipe check` exits with 2.
      - `seq2seq recipe show` prints the resolved recipe with every default filled in; that is
        what is saved with each run.

      Sections written `train.optimizer (type adam)` are chosen by `type`; `data` and `model`
      take the records the task named in `task.type` registers. Sections contributed by
      plugins (tasks, their data and model records) are listed by `seq2seq recipe docs`.

      """;
}
