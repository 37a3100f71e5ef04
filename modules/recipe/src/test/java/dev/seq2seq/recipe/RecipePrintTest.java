package dev.seq2seq.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.recipe.yaml.MapNode;
import dev.seq2seq.recipe.yaml.Origin;
import dev.seq2seq.recipe.yaml.ScalarNode;
import dev.seq2seq.recipe.yaml.YamlReader;
import dev.seq2seq.recipe.yaml.YamlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canonical YAML of a recipe: complete, in record order, and loading it gives it back. */
class RecipePrintTest {
  @TempDir Path dir;

  @Test
  void printedRecipeLoadsBackEqual() throws IOException {
    Files.writeString(dir.resolve("base.yaml"), """
        task: {type: echo, source: "yes"}
        data:
          train: corpus/train.txt
          extra: {dev: "dev ${name}.txt", "odd key": x.txt}
        model:
          encoder: {cell: lstm, hidden: 64}
          output_layers: [32, 16]
        train:
          max_steps: 1000
          optimizer: {type: adamw, lr: 3.0e-4}
          schedule: {type: plateau, factor: 0.25}
        """);
    Path exp = dir.resolve("exp.yaml");
    Files.writeString(exp, """
        include: base.yaml
        name: "true"
        seed: 7
        evaluate: {metrics: ["null", "12", "a: b", "quote\\"d", "$${literal}"]}
        """);
    RecipeLoader loader = EchoTask.loader();
    Recipe recipe = loader.load(exp, List.of("decode.length_penalty=0.6"));
    String printed = loader.print(recipe);

    Path elsewhere = dir.resolve("runs/r1/recipe.yaml");
    Files.createDirectories(elsewhere.getParent());
    Files.writeString(elsewhere, printed);
    Recipe again = loader.load(elsewhere);
    assertThat(again).isEqualTo(recipe);
    assertThat(loader.print(again)).isEqualTo(printed);
    assertThat(recipe.evaluate().metrics()).containsExactly("null", "12", "a: b", "quote\"d", "${literal}");
  }

  @Test
  void printedRecipeHasEveryFieldInRecordOrder() throws IOException {
    Path exp = dir.resolve("exp.yaml");
    Files.writeString(exp, RecipeLoaderTest.MINIMAL);
    String printed = EchoTask.loader().print(EchoTask.loader().load(exp));
    assertThat(printed).startsWith("""
        name: exp
        task:
          type: echo
          source: de
          target: en
        backend:
          type: native
          device: auto
          threads: 0
        seed: 42
        data:
          train: %s
        """.formatted(dir.resolve("train.txt")).replace("  type: native", "  type: native"))
        .contains("""
          optimizer:
            type: adam
            lr: 0.001
            beta1: 0.9
            beta2: 0.999
            eps: 1.0E-8
            weight_decay: 0.0
        """)
        .contains("  epochs: 3\n  max_steps: null\n")
        .endsWith("evaluate:\n  metrics: []\n  save_outputs: true\n");
  }

  @Test
  void writerQuotesWhatWouldReadAsAnotherType() {
    Origin o = Origin.defaultValue();
    MapNode tree = new MapNode(Map.of(
        "a", ScalarNode.string("1.5", o),
        "b", ScalarNode.string("", o)), Map.of(), o);
    String yaml = YamlWriter.write(tree);
    MapNode back = (MapNode) YamlReader.readValue("{" + yaml.replace("\n", ", ") + "}", o);
    assertThat(((ScalarNode) back.get("a")).value()).isEqualTo("1.5");
    assertThat(((ScalarNode) back.get("b")).value()).isEqualTo("");
  }
}
