package dev.seq2seq.task.speech.transcribe;

import dev.seq2seq.command.UsageException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where transcripts go, one line per file, flushed after every batch so an interrupted run loses
 * at most the batch in flight; {@link #done} reads back what a previous run finished.
 */
final class OutputFile implements AutoCloseable {
  private final Writer writer;
  private final boolean owned;

  private OutputFile(Writer writer, boolean owned) {
    this.writer = writer;
    this.owned = owned;
  }

  static OutputFile of(PrintWriter out) {
    return new OutputFile(out, false);
  }

  static OutputFile open(Path file, boolean append) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    return new OutputFile(w, true);
  }

  void write(String line) throws IOException {
    writer.write(line);
    writer.write('\n');
  }

  void flush() throws IOException {
    writer.flush();
  }

  @Override
  public void close() throws IOException {
    if (owned) {
      writer.close();
    } else {
      writer.flush();
    }
  }

  /** What an earlier run wrote: paths (jsonl) or a count of leading files (text). */
  record Done(Set<String> paths, int leading) {
    static final Done NONE = new Done(Set.of(), 0);

    boolean contains(String path, int index) {
      return paths.contains(path) || index < leading;
    }
  }

  /**
   * Reads an earlier run's output, first cutting off a last line left incomplete by an
   * interruption (it is transcribed again).
   */
  static Done done(Path file, boolean jsonl) throws IOException {
    if (!Files.exists(file)) {
      return Done.NONE;
    }
    truncatePartialLine(file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (!jsonl) {
      return new Done(Set.of(), lines.size());
    }
    JsonMapper json = JsonMapper.builder().build();
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonNode node = json.readTree(lines.get(i));
        JsonNode path = node == null ? null : node.get("path");
        if (path == null || !path.isString()) {
          throw new UsageException(file + ":" + (i + 1) + ": no \"path\"; is this the jsonl output"
              + " of seq2seq transcribe?");
        }
        paths.add(path.asString());
      } catch (tools.jackson.core.JacksonException e) {
        throw new UsageException(file + ":" + (i + 1) + ": not JSON (" + e.getOriginalMessage()
            + "); --resume needs the jsonl output of an earlier run with --format jsonl");
      }
    }
    return new Done(paths, 0);
  }

  private static void truncatePartialLine(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      long end = f.length();
      long keep = end;
      while (keep > 0) {
        f.seek(keep - 1);
        if (f.read() == '\n') {
          break;
        }
        keep--;
      }
      if (keep < end) {
        f.setLength(keep);
      }
    }
  }
}
