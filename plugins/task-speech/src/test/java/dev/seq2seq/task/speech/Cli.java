package dev.seq2seq.task.speech;

import dev.seq2seq.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the real command line in-process, and builds tiny FSDD folders for smoke tests. */
public final class Cli {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Path ROOT = Path.of(System.getProperty("seq2seq.project.root", "../.."));

  private Cli() {}

  public record Outcome(int code, String out, String err) {
    public JsonNode lastJson() {
      String[] lines = out.strip().split("\n");
      return JSON.readTree(lines[lines.length - 1]);
    }

    public List<JsonNode> jsonLines() {
      List<JsonNode> out = new ArrayList<>();
      for (String line : this.out.strip().split("\n")) {
        out.add(JSON.readTree(line));
      }
      return out;
    }
  }

  public static Outcome run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString(), err.toString());
  }

  public static Path recipe(String name) {
    return ROOT.resolve("recipes/speech").resolve(name);
  }

  /** Copies one speaker's recordings of every digit for the given takes into {@code folder}. */
  public static Path fsddSubset(Path cache, Path folder, String speaker, int... takes) throws IOException {
    Path recordings = Fsdd.recordings(cache);
    Files.createDirectories(folder);
    for (int digit = 0; digit < 10; digit++) {
      for (int take : takes) {
        String name = digit + "_" + speaker + "_" + take + ".wav";
        Files.copy(recordings.resolve(name), folder.resolve(name));
      }
    }
    return folder;
  }

  /** Overrides that make a recipe's network tiny and its training short and deterministic. */
  public static List<String> tiny(int steps) {
    return List.of(
        "--set", "backend.threads=1",
        "--set", "model.hidden=48", "--set", "model.layers=1",
        "--set", "model.dropout=0", "--set", "model.input_dropout=0", "--set", "model.output_dropout=0",
        "--set", "data.spec_augment={time_masks: 0, freq_masks: 0}",
        "--set", "train.epochs=100000", "--set", "train.max_steps=" + steps,
        "--set", "train.batch_size=10",
        "--set", "train.optimizer={type: adam, lr: 0.01}", "--set", "train.schedule={type: constant}",
        "--set", "train.validate_every=" + steps, "--set", "train.checkpoint_every=" + steps,
        "--set", "train.log_every=50", "--set", "train.early_stopping={metric: loss}");
  }
}
