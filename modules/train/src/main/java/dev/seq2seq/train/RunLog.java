package dev.seq2seq.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's written record: {@code metrics.jsonl} (one object per progress line and per
 * validation), {@code train.log} (what a person reads), and the console.
 *
 * <p>On a terminal the progress is one line redrawn with {@code \r}; elsewhere (a pipe, a log
 * file, CI) it is a plain line every {@code log_every} steps, which is what such logs need.
 */
public final class RunLog implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final BufferedWriter metrics;
  private final BufferedWriter log;
  private final PrintWriter console;
  private final boolean interactive;
  private boolean progressShown;

  /**
   * @param resumedAt when resuming, the checkpoint's step: metrics written after it by the
   *     interrupted run are dropped, so the file reads as one continuous run; -1 otherwise
   */
  public RunLog(Path dir, long resumedAt, PrintWriter console, boolean interactive)
      throws IOException {
    Path metricsFile = dir.resolve("metrics.jsonl");
    if (resumedAt >= 0 && Files.exists(metricsFile)) {
      List<String> kept = new ArrayList<>();
      for (String line : Files.readAllLines(metricsFile, StandardCharsets.UTF_8)) {
        JsonNode node = line.isBlank() ? null : JSON.readTree(line);
        if (node != null && node.path("step").asLong() <= resumedAt) {
          kept.add(line);
        }
      }
      Files.write(metricsFile, kept, StandardCharsets.UTF_8);
    } else {
      Files.deleteIfExists(metricsFile);
    }
    this.metrics = append(metricsFile);
    this.log = append(dir.resolve("train.log"));
    this.console = console;
    this.interactive = interactive;
  }

  /** Records one object in metrics.jsonl. */
  public void metrics(String kind, long step, Map<String, ?> values) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("kind", kind);
    line.put("step", step);
    line.putAll(values);
    write(metrics, JSON.writeValueAsString(line));
  }

  /** An event line: train.log and the console. */
  public void info(String message) {
    String line = TIME.format(LocalTime.now()) + " " + message;
    write(log, line);
    if (progressShown) {
      console.print("\r\033[K");
      progressShown = false;
    }
    console.println(line);
    console.flush();
  }

  /** A progress line: redrawn in place on a terminal, else logged as an event. */
  public void progress(String message) {
    if (interactive) {
      write(log, TIME.format(LocalTime.now()) + " " + message);
      console.print("\r\033[K" + message);
      console.flush();
      progressShown = true;
    } else {
      info(message);
    }
  }

  private static BufferedWriter append(Path file) throws IOException {
    return Files.newBufferedWriter(
        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static void write(BufferedWriter out, String line) {
    try {
      out.write(line);
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (progressShown) {
      console.println();
      console.flush();
    }
    metrics.close();
    log.close();
  }
}
