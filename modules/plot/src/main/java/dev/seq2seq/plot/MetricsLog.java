package dev.seq2seq.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The curves in a {@code metrics.jsonl}: for each kind ({@code train}, {@code validation}) and each
 * numeric field, value by step.
 *
 * <p>A line is usable when it is a JSON object with an integer {@code step}, a {@code kind} of
 * {@code train} (which must have a {@code loss}) or {@code valid} (which must have at least one
 * metric). Other lines are skipped and counted, not fatal: the trainer may be appending while we
 * read, so the last line can be half-written. Blank lines are neither used nor counted.
 *
 * <p>A step seen twice (training resumed from a checkpoint) keeps its last value, which is the one
 * the run continued from. Non-finite values (a diverged loss, written as {@code NaN} or
 * {@code "NaN"}) are kept as gaps.
 *
 * @param train metric name to (step to value), steps ascending, for train lines
 * @param valid the same for valid lines
 * @param usableLines lines that contributed to the curves
 * @param skippedLines non-blank lines that did not
 * @param problems why lines were skipped, "line N: reason", the first {@link #MAX_PROBLEMS}
 */
record MetricsLog(
    Map<String, SortedMap<Long, Double>> train,
    Map<String, SortedMap<Long, Double>> valid,
    int usableLines,
    int skippedLines,
    List<String> problems) {

  static final int MAX_PROBLEMS = 10;

  /** Bookkeeping fields that are not curves worth a plot. */
  static final Set<String> NOT_METRICS =
      Set.of("step", "kind", "epoch", "time", "timestamp", "elapsed_s", "wall_s");

  // Python's json.dumps writes a bare NaN; allow it so logs from other tools read too.
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  MetricsLog {
    train = deepCopy(train);
    valid = deepCopy(valid);
    problems = List.copyOf(problems);
  }

  static MetricsLog read(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "metrics file not found");
    }
    if (!Files.isRegularFile(file)) {
      throw new MetricsFileException(file, "not a regular file");
    }
    // Decoding as a String replaces bad bytes instead of failing the whole file on one bad line.
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    MetricsLog log = parse(text.lines().toList());
    if (log.usableLines() == 0) {
      String why = log.problems().isEmpty() ? "" : "; first problem: " + log.problems().get(0);
      throw new MetricsFileException(
          file, "no usable metrics lines (" + log.skippedLines() + " skipped" + why + ")");
    }
    return log;
  }

  static MetricsLog parse(List<String> lines) {
    Map<String, SortedMap<Long, Double>> train = new TreeMap<>();
    Map<String, SortedMap<Long, Double>> valid = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    int usable = 0;
    int skipped = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String problem = addLine(line, train, valid);
      if (problem == null) {
        usable++;
      } else {
        skipped++;
        if (problems.size() < MAX_PROBLEMS) {
          problems.add("line " + (i + 1) + ": " + problem);
        }
      }
    }
    return new MetricsLog(train, valid, usable, skipped, problems);
  }

  /** Adds one line's values to its kind's curves; returns why it is unusable, or null. */
  private static String addLine(
      String line,
      Map<String, SortedMap<Long, Double>> train,
      Map<String, SortedMap<Long, Double>> valid) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JacksonException e) {
      return "not valid JSON";
    }
    if (node == null || !node.isObject()) {
      return "not a JSON object";
    }
    JsonNode step = node.get("step");
    if (step == null || !step.isIntegralNumber()) {
      return "no integer 'step'";
    }
    String kind = node.path("kind").asString("");
    if (kind.equals("skip")) {
      return null; // the trainer's record of a skipped batch: nothing to draw, nothing wrong
    }
    Map<String, SortedMap<Long, Double>> target =
        switch (kind) {
          case "train" -> train;
          case "validation" -> valid;
          default -> null;
        };
    if (target == null) {
      return "'kind' is neither \"train\" nor \"validation\"";
    }
    Map<String, Double> values = new TreeMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      Double v = number(field.getValue());
      if (v != null && !NOT_METRICS.contains(field.getKey())) {
        values.put(field.getKey(), v);
      }
    }
    if (kind.equals("train") && !values.containsKey("loss")) {
      return "train line without a numeric 'loss'";
    }
    if (values.isEmpty()) {
      return "valid line without any numeric metric";
    }
    long at = step.asLong();
    values.forEach((name, v) -> target.computeIfAbsent(name, k -> new TreeMap<>()).put(at, v));
    return null;
  }

  /** A JSON number, or one of the strings Jackson and others write for non-finite doubles. */
  private static Double number(JsonNode v) {
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isString()) {
      return switch (v.asString()) {
        case "NaN" -> Double.NaN;
        case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        default -> null;
      };
    }
    return null;
  }

  private static Map<String, SortedMap<Long, Double>> deepCopy(
      Map<String, SortedMap<Long, Double>> curves) {
    Map<String, SortedMap<Long, Double>> copy = new TreeMap<>();
    curves.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedMap(new TreeMap<>(v))));
    return Collections.unmodifiableMap(copy);
  }
}
