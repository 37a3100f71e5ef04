package dev.seq2seq.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingPlotsTest {
  @TempDir Path dir;

  /** A small run: loss falling over three decades, a warm-up lr, BLEU and accuracy. */
  static List<String> run() {
    List<String> lines = new ArrayList<>();
    for (int step = 1; step <= 200; step++) {
      double loss = 10 * Math.exp(-step / 25.0);
      double lr = Math.min(1.0, step / 50.0) * 1e-3;
      lines.add(
          String.format(
              Locale.ROOT,
              "{\"step\": %d, \"kind\": \"train\", \"loss\": %.6g, \"lr\": %.6g, \"tokens_per_s\": 1200, \"grad_norm\": 1.5}",
              step, loss, lr));
      if (step % 20 == 0) {
        lines.add(
            String.format(
                Locale.ROOT,
                "{\"step\": %d, \"kind\": \"validation\", \"loss\": %.6g, \"bleu\": %.3f, \"accuracy\": %.3f}",
                step, loss * 1.2, step / 10.0, step / 250.0));
      }
    }
    return lines;
  }

  @Test
  void writesLossEachValidationMetricAndLearningRate() throws Exception {
    Path metrics = Files.write(dir.resolve("metrics.jsonl"), run());
    Path plots = dir.resolve("plots");

    TrainingPlots.Result result = TrainingPlots.write(metrics, plots);

    assertThat(result.written())
        .containsExactly(
            plots.resolve("loss.png"),
            plots.resolve("valid_accuracy.png"),
            plots.resolve("valid_bleu.png"),
            plots.resolve("lr.png"));
    assertThat(result.usableLines()).isEqualTo(210);
    assertThat(result.skippedLines()).isZero();
    for (Path png : result.written()) {
      BufferedImage image = Pixels.read(png);
      assertThat(image.getWidth()).isEqualTo(TrainingPlots.WIDTH);
      assertThat(image.getHeight()).isEqualTo(TrainingPlots.HEIGHT);
      assertThat(Pixels.ink(image)).as("%s is not blank", png.getFileName()).isGreaterThan(2000);
    }
    BufferedImage loss = Pixels.read(plots.resolve("loss.png"));
    assertThat(Pixels.near(loss, Charts.colour(0))).as("train curve").isGreaterThan(300);
    assertThat(Pixels.near(loss, Charts.colour(1))).as("valid curve").isGreaterThan(100);
  }

  @Test
  void lossOverThreeDecadesIsOnALogAxisAndScoresAreNot() {
    var charts = TrainingPlots.charts(MetricsLog.parse(run()));
    assertThat(charts.get("loss.png").logY()).isTrue();
    assertThat(charts.get("loss.png").series()).extracting(Series::name).containsExactly("train", "valid");
    assertThat(charts.get("valid_bleu.png").logY()).isFalse();
  }

  @Test
  void validationOnlyLogGetsALossPlotWithoutTrainCurveOrLr() throws Exception {
    Path metrics =
        Files.write(
            dir.resolve("metrics.jsonl"),
            List.of(
                "{\"step\": 100, \"kind\": \"validation\", \"loss\": 2.0, \"bleu/de-en\": 3.0}",
                "{\"step\": 200, \"kind\": \"validation\", \"loss\": 1.5, \"bleu/de-en\": 5.0}"));
    TrainingPlots.Result result = TrainingPlots.write(metrics, dir.resolve("plots"));
    assertThat(result.written())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("loss.png", "valid_bleu_de-en.png");
  }

  @Test
  void malformedLinesAreSkippedAndReported() throws Exception {
    List<String> lines = new ArrayList<>(run());
    lines.add(3, "not json at all");
    lines.add("{\"step\": 201, \"kind\": \"tra"); // the trainer was mid-write
    Path metrics = Files.write(dir.resolve("metrics.jsonl"), lines);

    TrainingPlots.Result result = TrainingPlots.write(metrics, dir.resolve("plots"));

    assertThat(result.usableLines()).isEqualTo(210);
    assertThat(result.skippedLines()).isEqualTo(2);
    assertThat(result.problems()).containsExactly("line 4: not valid JSON", "line 212: not valid JSON");
    assertThat(result.written()).hasSize(4);
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("run-7/metrics.jsonl");
    assertThatThrownBy(() -> TrainingPlots.write(missing, dir.resolve("plots")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("run-7")
        .hasMessageContaining("metrics file not found");
    assertThat(dir.resolve("plots")).doesNotExist();
  }

  @Test
  void aFileWithoutUsableLinesIsNamedWithTheFirstProblem() throws Exception {
    Path garbage = Files.write(dir.resolve("metrics.jsonl"), List.of("", "oops", "{\"step\": 1}"));
    assertThatThrownBy(() -> TrainingPlots.write(garbage, dir.resolve("plots")))
        .isInstanceOf(MetricsFileException.class)
        .hasMessageStartingWith(garbage.toString())
        .hasMessageContaining("no usable metrics lines (2 skipped; first problem: line 2: not valid JSON)");

    Path empty = Files.createFile(dir.resolve("empty.jsonl"));
    assertThatThrownBy(() -> TrainingPlots.write(empty, dir.resolve("plots")))
        .isInstanceOf(MetricsFileException.class)
        .hasMessage(empty + ": no usable metrics lines (0 skipped)");

    assertThatThrownBy(() -> TrainingPlots.write(dir, dir.resolve("plots")))
        .isInstanceOf(MetricsFileException.class)
        .hasMessageContaining("not a regular file");
  }
}
