package dev.seq2seq.task.classification.command;

import com.google.inject.Inject;
import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.Json;
import dev.seq2seq.command.LoadedModel;
import dev.seq2seq.command.ModelLoader;
import dev.seq2seq.command.TaskCommand;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.task.classification.ClassificationSession;
import dev.seq2seq.task.classification.ClassificationSession.Prediction;
import dev.seq2seq.task.classification.data.DataException;
import dev.seq2seq.util.TextLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seq2seq classify MODEL_DIR}: one label per input line. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Label each line of text with a trained classification model (a run's model/ folder).",
      "text: one label a line; jsonl: {\"label\": ..., \"probabilities\": {...}} a line. A line",
      "without tokens gets an empty line (text) or label null (jsonl), so output stays aligned",
      "with input."
    })
public final class ClassifyCommand implements Callable<Integer>, TaskCommand {

  /** Output formats. */
  public enum Format {
    text,
    jsonl
  }

  private final ModelLoader models;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A run's model/ folder.")
  Path modelDir;

  @Option(names = {"-i", "--input"}, paramLabel = "FILE",
      description = "Text to classify, one sentence a line; - (default) reads standard input.")
  String input = "-";

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text (default: the label) or jsonl (label and probabilities).")
  Format format = Format.text;

  @Option(names = "--batch-size", paramLabel = "N", description = "Lines per batch (default 64).")
  int batchSize = 64;

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "Encoding of the input (default UTF-8).")
  String encoding = "UTF-8";

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a key of the model's recipe, e.g. --set backend.threads=2.")
  List<String> overrides = new ArrayList<>();

  @Inject
  ClassifyCommand(ModelLoader models) {
    this.models = models;
  }

  @Override
  public Integer call() throws IOException {
    if (batchSize <= 0) {
      throw new UsageException("--batch-size must be > 0, got " + batchSize);
    }
    Charset charset = charset(encoding);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // The input is opened first, so a wrong path fails before the model is loaded.
    try (TextLines lines = open(charset);
        LoadedModel model = models.load(modelDir, overrides)) {
      ClassificationSession session = model.session(ClassificationSession.class, "classify");
      long total = 0;
      long empty = 0;
      List<String> batch = new ArrayList<>(batchSize);
      String line;
      do {
        line = lines.next();
        if (line != null) {
          batch.add(line);
        }
        if (batch.size() == batchSize || (line == null && !batch.isEmpty())) {
          for (Prediction p : session.classify(batch)) {
            out.println(render(p, session.labels()));
            empty += p.label() < 0 ? 1 : 0;
          }
          out.flush();
          total += batch.size();
          batch.clear();
        }
      } while (line != null);
      if (total == 0) {
        err.println("seq2seq classify: " + lines.name() + " is empty: nothing to classify");
      } else if (empty > 0) {
        err.println("seq2seq classify: " + empty + " of " + total + " lines had no tokens and no"
            + " label (" + (format == Format.text ? "empty output lines" : "label null") + ")");
      }
    } catch (DataException e) {
      throw new UsageException(e.getMessage());
    }
    return ExitCode.OK;
  }

  private String render(Prediction p, List<String> labels) {
    if (format == Format.text) {
      return p.label() < 0 ? "" : labels.get(p.label());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("label", p.label() < 0 ? null : labels.get(p.label()));
    if (p.probabilities() == null) {
      json.put("probabilities", null);
    } else {
      Map<String, Double> probabilities = new LinkedHashMap<>();
      for (int c = 0; c < labels.size(); c++) {
        // Rounded to float precision, which is what the model computes.
        probabilities.put(labels.get(c), Double.parseDouble(Float.toString(p.probabilities()[c])));
      }
      json.put("probabilities", probabilities);
    }
    return Json.write(json);
  }

  private TextLines open(Charset charset) {
    return input.equals("-")
        ? TextLines.of("standard input", System.in, charset, DataException::new)
        : TextLines.open(Path.of(input), charset, DataException::new);
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new UsageException("--encoding: unknown encoding '" + name + "'");
    }
  }
}
