package dev.seq2seq.task.classification;

import static dev.seq2seq.task.classification.ClassificationCliTest.NEGATIVE;
import static dev.seq2seq.task.classification.ClassificationCliTest.POSITIVE;
import static dev.seq2seq.task.classification.ClassificationCliTest.RECIPE;
import static dev.seq2seq.task.classification.ClassificationCliTest.seq2seq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.task.classification.ClassificationCliTest.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same tiny run on the DJL (PyTorch) backend, chosen by name in the recipe. */
class ClassificationDjlTest {
  @TempDir Path dir;

  @Test
  void fitsAndClassifiesOnDjl() throws IOException {
    Path pos = Files.write(dir.resolve("pos.txt"), POSITIVE, StandardCharsets.UTF_8);
    Path neg = Files.write(dir.resolve("neg.txt"), NEGATIVE, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of("train", RECIPE.toString(), "--out",
        dir.resolve("run").toString(), "--set", "backend.type=djl"));
    args.addAll(ClassificationCliTest.tiny(pos, neg));
    Outcome trained = seq2seq(args);
    assertThat(trained.code()).as(trained.err()).isZero();
    assertThat(trained.last().get("final_accuracy").asDouble()).isEqualTo(1.0);

    List<String> input = new ArrayList<>(POSITIVE);
    input.addAll(NEGATIVE);
    Path file = Files.write(dir.resolve("input.txt"), input, StandardCharsets.UTF_8);
    Outcome labelled = seq2seq(List.of("classify", dir.resolve("run/model").toString(), "-i",
        file.toString()));
    assertThat(labelled.code()).as(labelled.err()).isZero();
    List<String> expected = new ArrayList<>();
    POSITIVE.forEach(s -> expected.add("positive"));
    NEGATIVE.forEach(s -> expected.add("negative"));
    assertThat(labelled.lines()).containsExactlyElementsOf(expected);
  }
}
