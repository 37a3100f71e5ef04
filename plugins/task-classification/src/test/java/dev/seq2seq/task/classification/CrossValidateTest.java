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
import tools.jackson.databind.JsonNode;

/** {@code seq2seq cross-validate}: every sentence tested once, and a second call resumes. */
class CrossValidateTest {
  @TempDir Path dir;

  private List<String> args(Path out, String... more) throws IOException {
    Path pos = Files.write(dir.resolve("pos.txt"), POSITIVE, StandardCharsets.UTF_8);
    Path neg = Files.write(dir.resolve("neg.txt"), NEGATIVE, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of("cross-validate", RECIPE.toString(), "--out",
        out.toString(), "--json"));
    args.addAll(ClassificationCliTest.tiny(pos, neg, "--set", "train.max_steps=6",
        "--set", "train.validate_every=0"));
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void runsTheChosenFoldsThenResumesTheRest() throws IOException {
    Path out = dir.resolve("cv");
    Outcome first = seq2seq(args(out, "--folds", "4", "--only", "0,2"));
    assertThat(first.code()).as(first.err()).isEqualTo(3); // partial: 2 of 4 folds
    assertThat(first.out()).contains("fold 0/4: accuracy").contains("fold 2/4: accuracy")
        .contains("2 of 4 folds").doesNotContain("fold 1/4");
    assertThat(out.resolve("fold-0/test-metrics.json")).exists();
    assertThat(out.resolve("fold-1")).doesNotExist();

    Outcome rest = seq2seq(args(out, "--folds", "4"));
    assertThat(rest.code()).as(rest.err()).isZero();
    assertThat(rest.err()).contains("fold 0 already done").contains("fold 2 already done");
    JsonNode summary = rest.last();
    assertThat(summary.get("folds_done").asInt()).isEqualTo(4);
    assertThat(summary.get("accuracy_per_fold")).hasSize(4);
    // 20 sentences dealt into 4 stratified folds: every one is tested exactly once.
    assertThat(rest.out()).containsPattern("positive +\\d+ +\\d+");
    long tested = 0;
    for (int f = 0; f < 4; f++) {
      JsonNode fold = ClassificationCliTest.JSON.readTree(
          Files.readString(out.resolve("fold-" + f + "/test-metrics.json")));
      for (String key : List.of("positive.positive", "positive.negative", "negative.positive",
          "negative.negative")) {
        tested += fold.get("metrics").get("confusion." + key).asLong();
      }
    }
    assertThat(tested).isEqualTo(20);
    double mean = summary.get("accuracy_mean").asDouble();
    double sum = 0;
    for (JsonNode v : summary.get("accuracy_per_fold")) {
      sum += v.asDouble();
    }
    assertThat(mean).isCloseTo(sum / 4, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void onlyClassificationRecipesAndValidFolds() throws IOException {
    Outcome bad = seq2seq(args(dir.resolve("cv"), "--folds", "4", "--only", "4"));
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--only 4: folds are numbered 0..3");
    Path toy = Path.of(System.getProperty("seq2seq.project.root", "../.."),
        "recipes/toy/reverse-digits.yaml");
    Outcome notOurs = seq2seq(List.of("cross-validate", toy.toString()));
    assertThat(notOurs.code()).isEqualTo(2);
    assertThat(notOurs.err()).contains("is not a classification recipe");
  }
}
