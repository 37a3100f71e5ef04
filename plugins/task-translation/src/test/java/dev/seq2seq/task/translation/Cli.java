package dev.seq2seq.task.translation;

import dev.seq2seq.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the real command line in-process, and the tiny parallel corpus the smoke tests train on. */
public final class Cli {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** German → English pairs, short and varied enough that a tiny model must learn each one. */
  public static final List<String[]> PAIRS = List.of(
      new String[] {"Ein Mann fährt Fahrrad.", "A man rides a bike."},
      new String[] {"Zwei Hunde spielen im Schnee.", "Two dogs play in the snow."},
      new String[] {"Eine Frau liest ein Buch.", "A woman reads a book."},
      new String[] {"Kinder spielen im Park.", "Children play in the park."},
      new String[] {"Ein Hund läuft am Strand.", "A dog runs on the beach."},
      new String[] {"Ein Mädchen singt ein Lied.", "A girl sings a song."},
      new String[] {"Männer arbeiten auf der Straße.", "Men work on the street."},
      new String[] {"Eine Katze schläft.", "A cat sleeps."});

  private Cli() {}

  public record Outcome(int code, String out, String err) {
    /** The last line of standard output as JSON (train's summary, evaluate --json). */
    public JsonNode lastJson() {
      String[] lines = out.strip().split("\n");
      return JSON.readTree(lines[lines.length - 1]);
    }
  }

  public static Outcome run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString(), err.toString());
  }

  public static Path recipe(String name) {
    return Path.of(System.getProperty("seq2seq.project.root", "../.."), "recipes/translation", name);
  }

  /** {@link #PAIRS} as a TSV file in {@code dir}. */
  public static Path tsv(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String[] p : PAIRS) {
      lines.add(p[0] + "\t" + p[1]);
    }
    Path file = dir.resolve("tiny.tsv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  /**
   * Arguments training {@code recipe} on {@link #PAIRS} (train, validation and test alike), one
   * thread, greedy decoding, validation only at the end; {@code more} adds overrides.
   */
  public static List<String> trainTiny(String recipe, Path data, Path out, int steps, String... more) {
    String files = "[" + data + "]";
    List<String> args = new ArrayList<>(List.of("train", recipe(recipe).toString(), "--out", out.toString(),
        "--set", "backend.threads=1",
        "--set", "data.train_files=" + files,
        "--set", "data.validation_files=" + files,
        "--set", "data.test_files=" + files,
        "--set", "data.min_count=1",
        "--set", "train.max_steps=" + steps,
        "--set", "train.epochs=1000000",
        "--set", "train.validate_every=" + (steps + 1),
        "--set", "train.checkpoint_every=" + (steps + 1),
        "--set", "train.early_stopping={metric: loss}",
        "--set", "train.log_every=" + steps,
        "--set", "decode.beam_size=1"));
    for (String s : more) {
      args.add(s);
    }
    return args;
  }
}
