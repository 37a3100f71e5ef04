package dev.seq2seq.task.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.cli.Main;
import dev.seq2seq.command.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sunspots recipe, shrunk to a short sine series, through the real command line: it must
 * learn the sine far better than the naive baseline, then {@code forecast} it (with a plot) on
 * the native backend, and train and forecast on the DJL backend too.
 */
class ForecastSmokeTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final Path RECIPE = Path.of(System.getProperty("seq2seq.project.root", "../.."),
      "recipes/forecasting/sunspots.yaml");
  private static final int PERIOD = 20;

  @TempDir static Path dir;
  static Path sine;
  static Path nativeModel;

  record Outcome(int code, String out, String err) {
    List<JsonNode> jsonLines() {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : out.strip().split("\n")) {
        lines.add(JSON.readTree(line));
      }
      return lines;
    }

    JsonNode last() {
      List<JsonNode> lines = jsonLines();
      return lines.get(lines.size() - 1);
    }
  }

  static Outcome seq2seq(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString(), err.toString());
  }

  /** 300 rows of 10 + 5 sin(2 pi t / 20), time column t = 0..299. */
  static Path writeSine(Path file) throws IOException {
    StringBuilder csv = new StringBuilder("t,value\n");
    for (int t = 0; t < 300; t++) {
      csv.append(t).append(',')
          .append(String.format(Locale.ROOT, "%.6f", 10 + 5 * Math.sin(2 * Math.PI * t / PERIOD)))
          .append('\n');
    }
    return Files.writeString(file, csv);
  }

  static List<String> train(Path out, String backend, int epochs) {
    return new ArrayList<>(List.of("train", RECIPE.toString(), "--out", out.toString(),
        "--set", "backend.type=" + backend, "--set", "backend.threads=1",
        "--set", "data.dataset=\"\"", "--set", "data.file=" + sine,
        "--set", "data.time_column=t", "--set", "data.columns=[value]",
        "--set", "data.input_length=20", "--set", "data.horizon=5",
        "--set", "data.test_from=\"\"", "--set", "data.test_fraction=0.2",
        "--set", "data.validation_fraction=0.15", "--set", "data.season=" + PERIOD,
        "--set", "model.cell=gru", "--set", "model.hidden=16", "--set", "model.layers=1",
        "--set", "train.epochs=" + epochs, "--set", "train.batch_size=16",
        "--set", "train.optimizer={type: adam, lr: 0.02}", "--set", "train.schedule={type: constant}",
        "--set", "train.early_stopping={metric: loss, patience: 0}",
        "--set", "train.log_every=1000"));
  }

  @BeforeAll
  static void trainOnNative() throws IOException {
    sine = writeSine(dir.resolve("sine.csv"));
    Path run = dir.resolve("native");
    Outcome trained = seq2seq(train(run, "native", 6));
    assertThat(trained.code()).as(trained.err()).isZero();
    nativeModel = run.resolve("model");
  }

  @Test
  void learnsTheSineFarBetterThanTheNaiveBaseline() {
    Outcome evaluated = seq2seq(List.of("evaluate", nativeModel.toString(), "--json"));
    assertThat(evaluated.code()).as(evaluated.err()).isZero();
    JsonNode m = evaluated.last();
    // 300 rows: test is the last 60, windows need 5 of them ahead: 56 windows.
    assertThat(m.get("windows").asDouble()).isEqualTo(56);
    assertThat(m.get("rmse_h5").asDouble()).isLessThan(0.25 * m.get("naive_rmse_h5").asDouble());
    assertThat(m.get("rmse_h1").asDouble()).isLessThan(0.5 * m.get("naive_rmse_h1").asDouble());
    // A season of exactly one period repeats the sine: that baseline is (nearly) perfect here.
    assertThat(m.get("seasonal_rmse_h5").asDouble()).isLessThan(1e-5);
    assertThat(nativeModel.resolve(ModelInfo.FILE)).content().contains("\"value\"", "standard");
  }

  @Test
  void forecastsAfterACutoffComparesWithActualValuesAndPlots() {
    Path png = dir.resolve("plots/forecast.png");
    Outcome f = seq2seq(List.of("forecast", nativeModel.toString(), "--input", sine.toString(),
        "--cutoff", "280", "--format", "json", "--plot", png.toString()));
    assertThat(f.code()).as(f.err()).isZero();
    List<JsonNode> lines = f.jsonLines();
    assertThat(lines).hasSize(6);
    for (int k = 0; k < 5; k++) {
      JsonNode row = lines.get(k);
      int t = 280 + k;
      assertThat(row.get("step").asInt()).isEqualTo(k + 1);
      assertThat(row.get("time").asString()).isEqualTo(Integer.toString(t));
      double expected = 10 + 5 * Math.sin(2 * Math.PI * t / PERIOD);
      assertThat(row.get("actual").asDouble()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-5));
      assertThat(Math.abs(row.get("forecast").asDouble() - expected)).isLessThan(1.5);
    }
    JsonNode summary = lines.get(5).get("summary");
    assertThat(summary.get("compared").asInt()).isEqualTo(5);
    assertThat(summary.get("rmse").asDouble()).isLessThan(summary.get("naive_rmse").asDouble());
    assertThat(png).isNotEmptyFile();
    assertThat(f.err()).contains("plot written to");
  }

  @Test
  void forecastsPastTheEndAndBeyondTheHorizonAsCsv() {
    Outcome f = seq2seq(List.of("forecast", nativeModel.toString(), "-i", sine.toString(),
        "--horizon", "12"));
    assertThat(f.code()).as(f.err()).isZero();
    String[] lines = f.out().strip().split("\n");
    assertThat(lines[0]).isEqualTo("step,time,forecast,actual");
    assertThat(lines).hasSize(13);
    assertThat(lines[1]).startsWith("1,300,").endsWith(",");
    assertThat(lines[12]).startsWith("12,311,");
    // Twelve steps are two direct forecasts of five and one of two, fed back: still the sine.
    for (int k = 1; k <= 12; k++) {
      double forecast = Double.parseDouble(lines[k].split(",")[2]);
      double expected = 10 + 5 * Math.sin(2 * Math.PI * (299 + k) / PERIOD);
      assertThat(Math.abs(forecast - expected)).as("step %d", k).isLessThan(2.0);
    }
  }

  @Test
  void badInputIsAUsageErrorNamingTheProblem() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    assertUsage(List.of("forecast", nativeModel.toString(), "--input", empty.toString()),
        "empty.csv is empty");
    Path wrong = Files.writeString(dir.resolve("wrong.csv"), "t,val\n0,1\n");
    assertUsage(List.of("forecast", nativeModel.toString(), "--input", wrong.toString()),
        "no column 'value'");
    Path bad = Files.writeString(dir.resolve("bad.csv"), "t,value\n0,1\n1,x\n");
    assertUsage(List.of("forecast", nativeModel.toString(), "--input", bad.toString()),
        "bad.csv line 3, column 'value': 'x' is not a number");
    Path shortCsv = Files.writeString(dir.resolve("short.csv"), "t,value\n0,1\n1,2\n");
    assertUsage(List.of("forecast", nativeModel.toString(), "--input", shortCsv.toString()),
        "the model reads 20 rows before a forecast; the input has 2");
    assertUsage(List.of("forecast", nativeModel.toString(), "--input", dir.resolve("none.csv").toString()),
        "none.csv: no such file");
    assertUsage(List.of("forecast", dir.toString(), "--input", sine.toString()),
        "is not a model folder");
    assertUsage(List.of("forecast", nativeModel.toString(), "--input", sine.toString(),
        "--horizon", "0"), "--horizon must be > 0");
    assertUsage(List.of("forecast", nativeModel.toString(), "--input", sine.toString(),
        "--cutoff", "1951-01"), "--cutoff '1951-01' does not compare");
  }

  @Test
  void badTrainingDataIsAUsageError() throws IOException {
    List<String> args = train(dir.resolve("bad-run"), "native", 1);
    args.addAll(List.of("--set", "data.columns=[price]"));
    assertUsage(args, "no column 'price'");
  }

  @Test
  void readsSeveralColumnsAndForecastsTheTarget() throws IOException {
    // The target (sine) with a leading indicator (the sine a quarter period ahead) beside it.
    StringBuilder csv = new StringBuilder("t,lead,value\n");
    for (int t = 0; t < 300; t++) {
      csv.append(t).append(',')
          .append(String.format(Locale.ROOT, "%.6f,%.6f", Math.cos(2 * Math.PI * t / PERIOD),
              10 + 5 * Math.sin(2 * Math.PI * t / PERIOD)))
          .append('\n');
    }
    Path two = Files.writeString(dir.resolve("two.csv"), csv);
    Path run = dir.resolve("two");
    List<String> args = train(run, "native", 2);
    args.addAll(List.of("--set", "data.file=" + two, "--set", "data.columns=[lead, value]",
        "--set", "data.target=value", "--set", "data.scaling=minmax"));
    Outcome trained = seq2seq(args);
    assertThat(trained.code()).as(trained.err()).isZero();
    assertThat(run.resolve("model").resolve(ModelInfo.FILE)).content()
        .contains("\"lead\", \"value\"", "\"target\" : \"value\"", "minmax");
    Outcome f = seq2seq(List.of("forecast", run.resolve("model").toString(), "-i", two.toString()));
    assertThat(f.code()).as(f.err()).isZero();
    assertThat(f.out().strip().split("\n")).hasSize(6);
    // Beyond the horizon it would need forecasts of 'lead' too, which it does not make.
    assertUsage(List.of("forecast", run.resolve("model").toString(), "-i", two.toString(),
        "--horizon", "6"), "cannot feed its forecasts back (it forecasts only 'value')");
  }

  @Test
  void trainsAndForecastsOnTheDjlBackend() {
    Path run = dir.resolve("djl");
    Outcome trained = seq2seq(train(run, "djl", 6));
    assertThat(trained.code()).as(trained.err()).isZero();
    Outcome evaluated = seq2seq(List.of("evaluate", run.resolve("model").toString(), "--json"));
    assertThat(evaluated.code()).as(evaluated.err()).isZero();
    JsonNode m = evaluated.last();
    assertThat(m.get("rmse_h5").asDouble()).isLessThan(0.25 * m.get("naive_rmse_h5").asDouble());
    Outcome f = seq2seq(List.of("forecast", run.resolve("model").toString(), "--input",
        sine.toString(), "--cutoff", "290"));
    assertThat(f.code()).as(f.err()).isZero();
    assertThat(f.out().strip().split("\n")).hasSize(6);
    assertThat(f.err()).contains("compared with 5 actual values");
  }

  private static void assertUsage(List<String> args, String message) {
    Outcome o = seq2seq(args);
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(ExitCode.USAGE);
    assertThat(o.err()).contains(message);
  }
}
