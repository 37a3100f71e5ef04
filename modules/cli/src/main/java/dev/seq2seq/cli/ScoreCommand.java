package dev.seq2seq.cli;

import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.command.Json;
import com.google.inject.Inject;
import dev.seq2seq.metric.CorpusMetric;
import dev.seq2seq.metric.MetricOptions;
import dev.seq2seq.metric.MetricScore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Scores a hypothesis file against reference files with a registered metric (BLEU, chrF, WER, CER). */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = "Score hypotheses against references with a registered metric (see --list).")
final class ScoreCommand implements Callable<Integer> {
  private final Map<String, CorpusMetric> metrics;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "METRIC", description = "Metric to compute, such as bleu, chrf, wer or cer.")
  String name;

  @Option(names = "--list", description = "List the registered metrics.")
  boolean list;

  @Option(names = "--ref", paramLabel = "FILE", description = "Reference file, one segment a line; repeat for several reference sets.")
  List<Path> refs = new ArrayList<>();

  @Option(names = "--hyp", paramLabel = "FILE", description = "Hypothesis file, line-aligned with the references.")
  Path hyp;

  @Option(names = "--lowercase", description = "Compare lower-cased text.")
  boolean lowercase;

  @Option(names = "--tokenize", paramLabel = "NAME", description = "Tokenizer (BLEU: 13a, intl, char, none; default 13a).")
  String tokenize;

  @Option(names = "--smooth", paramLabel = "NAME", description = "Smoothing (BLEU: exp, floor, add-k, none; default exp).")
  String smooth;

  @Option(names = "--word-order", paramLabel = "N", defaultValue = "0", description = "Word n-gram order (chrF++: 2).")
  int wordOrder;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Inject
  ScoreCommand(Map<String, CorpusMetric> metrics) {
    this.metrics = metrics;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (list || name == null) {
      new TreeMap<>(metrics).forEach((n, m) -> out.printf("%-12s %s%n", n, m.description()));
      return name == null && !list ? ExitCode.USAGE : ExitCode.OK;
    }
    CorpusMetric metric = Lookup.require(metrics, name, "metric");
    if (hyp == null || refs.isEmpty()) {
      throw new UsageException("give the hypotheses with --hyp FILE and at least one --ref FILE");
    }
    if (wordOrder < 0) {
      throw new UsageException("--word-order must be >= 0");
    }
    List<String> hypotheses = readLines(hyp, "hypothesis");
    if (hypotheses.isEmpty()) {
      throw new UsageException("hypothesis file " + hyp + " is empty");
    }
    List<List<String>> referenceSets = new ArrayList<>();
    for (Path ref : refs) {
      List<String> lines = readLines(ref, "reference");
      if (lines.size() != hypotheses.size()) {
        throw new UsageException(
            "reference file " + ref + " has " + lines.size() + " lines but hypothesis file "
                + hyp + " has " + hypotheses.size());
      }
      referenceSets.add(lines);
    }
    MetricOptions options = new MetricOptions(lowercase, tokenize, smooth, false, wordOrder);
    MetricScore score;
    try {
      score = metric.score(hypotheses, referenceSets, options);
    } catch (IllegalArgumentException e) {
      // The metric's own message names the option and the accepted values.
      throw new UsageException(e.getMessage());
    }
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("metric", name);
      // {"score": …} for BLEU and chrF; a metric may name its own key and counts ({"wer": …}).
      result.putAll(metric.jsonFields(score));
      result.put("signature", score.signature());
      result.put("details", new TreeMap<>(score.details()));
      out.println(Json.write(result));
    } else {
      out.println(metric.summary(score) + " " + score.signature());
    }
    return ExitCode.OK;
  }

  /**
   * The file's lines, decoded strictly: a wrong encoding would otherwise turn into replacement
   * characters and silently lower the score. Line ends are {@code \n}, {@code \r\n} or {@code
   * \r}, as Python's text files (and so sacreBLEU) read them.
   */
  static List<String> readLines(Path file, String role) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UsageException(role + " file " + file + " does not exist");
    } catch (IOException e) {
      throw new UsageException("cannot read " + role + " file " + file + ": " + e);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer text = CharBuffer.allocate(bytes.length);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(in, text, true);
    if (!result.isError()) {
      result = decoder.flush(text);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new UsageException(
          role + " file " + file + " is not valid UTF-8 (line " + line + ", byte "
              + in.position() + ")");
    }
    text.flip();
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new StringReader(text.toString()))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }
}
