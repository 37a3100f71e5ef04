package dev.seq2seq.task.speech.transcribe;

import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.Json;
import dev.seq2seq.command.LoadedModel;
import dev.seq2seq.command.ModelLoader;
import dev.seq2seq.command.Progress;
import dev.seq2seq.command.TaskCommand;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.task.speech.SpeechSession;
import dev.seq2seq.task.speech.audio.Audio;
import dev.seq2seq.task.speech.audio.SampleStream;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code seq2seq transcribe MODEL_DIR PATH...}: speech to text for files and folders, batched,
 * long recordings in chunks, bad files reported and skipped, resumable.
 */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
    description = {"Transcribes audio files with a trained speech model.",
        "PATH may be files or folders (walked recursively for .wav and .flac files, in sorted"
            + " order). Unreadable files are reported and skipped; the exit code is then 3."})
public final class TranscribeCommand implements Callable<Integer>, TaskCommand {

  /** Output formats. */
  enum Format { text, jsonl }

  @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A model folder (<run>/model).")
  Path modelDir;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "Audio files or folders.")
  List<Path> inputs;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write here instead of standard output.")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text: one transcript per file and line (empty for a failed file); jsonl: one"
          + " object per file, {\"path\", \"text\", \"duration_s\", \"chunks\"} or {\"path\", \"error\"}."
          + " Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--beam", paramLabel = "N",
      description = "CTC prefix beam width; 1 decodes greedily. Default: the recipe's decode.beam_size.")
  Integer beam;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "16",
      description = "Audio chunks run through the model together. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(names = "--chunk-seconds", paramLabel = "S", defaultValue = "30",
      description = "Longer recordings are streamed from disk in windows of at most this many"
          + " seconds, each cut at a quiet point. Default: ${DEFAULT-VALUE}.")
  double chunkSeconds;

  @Option(names = "--resume", description = "Skip the files already in the output file (-o).")
  boolean resume;

  @Option(names = "--force", description = "Overwrite a non-empty output file.")
  boolean force;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Recipe override for inference, e.g. backend.threads=2 or backend.type=djl.")
  List<String> overrides = new ArrayList<>();

  @Option(names = {"-q", "--quiet"}, description = "No progress report.")
  boolean quiet;

  @Spec CommandSpec spec;

  private final ModelLoader loader;

  @Inject
  TranscribeCommand(ModelLoader loader) {
    this.loader = loader;
  }

  @Override
  public Integer call() throws IOException {
    if (batchSize < 1) {
      throw new UsageException("--batch-size must be at least 1, got " + batchSize);
    }
    if (beam != null && beam < 1) {
      throw new UsageException("--beam must be at least 1, got " + beam);
    }
    if (!(chunkSeconds >= 1)) {
      throw new UsageException("--chunk-seconds must be at least 1, got " + chunkSeconds);
    }
    if (resume && output == null) {
      throw new UsageException("--resume needs the output file (-o FILE) to continue");
    }
    if (output != null && !resume && !force && Files.isRegularFile(output) && Files.size(output) > 0) {
      throw new UsageException(output + " already holds transcripts; --resume continues them,"
          + " --force overwrites them");
    }
    PrintWriter err = spec.commandLine().getErr();
    List<Path> files = AudioFiles.expand(inputs);
    OutputFile.Done done = resume ? OutputFile.done(output, format == Format.jsonl) : OutputFile.Done.NONE;
    try (LoadedModel model = loader.load(modelDir, overrides);
        OutputFile out = output == null
            ? OutputFile.of(spec.commandLine().getOut())
            : OutputFile.open(output, resume);
        Progress progress = Progress.start("transcribe", "files", files.size(), quiet ? null : err)) {
      SpeechSession session = model.session(SpeechSession.class, "transcribe");
      int width = beam != null ? beam : session.defaultBeam();
      List<Path> todo = new ArrayList<>();
      int skipped = 0;
      for (int i = 0; i < files.size(); i++) {
        if (done.contains(files.get(i).toString(), i)) {
          skipped++;
        } else {
          todo.add(files.get(i));
        }
      }
      progress.stepTo(skipped);
      int failed = 0;
      List<Loaded> group = new ArrayList<>();
      int chunks = 0;
      for (Path file : todo) {
        Loaded l = load(file);
        if (l.stream() != null) {
          failed += flush(group, session, width, out, err, progress);
          group.clear();
          chunks = 0;
          failed += stream(l, session, width, out, err, progress);
          continue;
        }
        group.add(l);
        chunks += l.audio() != null ? 1 : 0;
        if (chunks >= batchSize) {
          failed += flush(group, session, width, out, err, progress);
          group.clear();
          chunks = 0;
        }
      }
      failed += flush(group, session, width, out, err, progress);
      return failed > 0 ? ExitCode.PARTIAL : ExitCode.OK;
    }
  }

  /**
   * A file read whole (at most one chunk long), opened for streaming (longer), or the reason it
   * could not be read.
   */
  private record Loaded(Path path, Audio audio, SampleStream stream, String error) {}

  private Loaded load(Path file) {
    try {
      SampleStream stream = SampleStream.open(file);
      if (stream.frames() == 0) {
        stream.close();
        return new Loaded(file, null, null, file + ": no audio samples");
      }
      if (stream.seconds() > chunkSeconds) {
        return new Loaded(file, null, stream, null);
      }
      try (stream) {
        return new Loaded(file, new Audio(stream.read((int) stream.frames()), stream.sampleRate()),
            null, null);
      }
    } catch (IOException | RuntimeException e) {
      return new Loaded(file, null, null, message(e));
    }
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /**
   * Transcribes a long recording window by window: at most one window of samples and one batch
   * of chunk features exist at a time, however long the file.
   */
  private int stream(Loaded l, SpeechSession session, int width, OutputFile out, PrintWriter err,
      Progress progress) throws IOException {
    int rate = l.stream().sampleRate();
    int window = (int) Math.round(chunkSeconds * rate);
    StringBuilder text = new StringBuilder();
    int chunks = 0;
    String error = null;
    try (SampleStream in = l.stream()) {
      float[] carry = new float[0];
      List<float[][]> batch = new ArrayList<>();
      while (true) {
        float[] block = in.read(window - carry.length);
        float[] x = new float[carry.length + block.length];
        System.arraycopy(carry, 0, x, 0, carry.length);
        System.arraycopy(block, 0, x, carry.length, block.length);
        boolean last = in.remaining() == 0;
        int cut = last ? x.length : Chunker.cut(x, 0, x.length, rate, Math.min(2, chunkSeconds / 4));
        carry = java.util.Arrays.copyOfRange(x, cut, x.length);
        batch.add(session.features(new Audio(java.util.Arrays.copyOf(x, cut), rate)));
        chunks++;
        if (batch.size() == batchSize || last) {
          for (String t : session.transcribe(batch, width)) {
            if (!t.isEmpty()) {
              text.append(text.isEmpty() ? "" : " ").append(t);
            }
          }
          batch.clear();
        }
        if (last) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      error = message(e);
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("path", l.path().toString());
    if (error != null) {
      line.put("error", error);
      err.println("seq2seq transcribe: " + error);
      err.flush();
      out.write(format == Format.jsonl ? Json.write(line) : "");
    } else {
      line.put("text", text.toString());
      line.put("duration_s", seconds(l.stream().seconds()));
      line.put("chunks", chunks);
      out.write(format == Format.jsonl ? Json.write(line) : text.toString());
    }
    out.flush();
    progress.stepBy(1);
    return error == null ? 0 : 1;
  }

  private static double seconds(double s) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.3f", s));
  }

  /** Transcribes a group of files' chunks in batches and writes their results in order. */
  private int flush(List<Loaded> group, SpeechSession session, int width, OutputFile out,
      PrintWriter err, Progress progress) throws IOException {
    record Piece(int file, int from, int to) {}
    List<Piece> pieces = new ArrayList<>();
    for (int f = 0; f < group.size(); f++) {
      Loaded l = group.get(f);
      if (l.audio() != null) {
        pieces.add(new Piece(f, 0, l.audio().length()));
      }
    }
    String[] texts = new String[pieces.size()];
    for (int from = 0; from < pieces.size(); from += batchSize) {
      List<float[][]> features = new ArrayList<>();
      for (Piece p : pieces.subList(from, Math.min(pieces.size(), from + batchSize))) {
        float[] all = group.get(p.file()).audio().samples();
        float[] part = java.util.Arrays.copyOfRange(all, p.from(), p.to());
        features.add(session.features(new Audio(part, group.get(p.file()).audio().sampleRate())));
      }
      List<String> decoded = session.transcribe(features, width);
      for (int k = 0; k < decoded.size(); k++) {
        texts[from + k] = decoded.get(k);
      }
    }
    int failed = 0;
    int piece = 0;
    for (Loaded l : group) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("path", l.path().toString());
      if (l.error() != null) {
        failed++;
        line.put("error", l.error());
        err.println("seq2seq transcribe: " + l.error());
        err.flush();
        out.write(format == Format.jsonl ? Json.write(line) : "");
      } else {
        String text = texts[piece++];
        line.put("text", text);
        line.put("duration_s", seconds(l.audio().seconds()));
        line.put("chunks", 1);
        out.write(format == Format.jsonl ? Json.write(line) : text);
      }
      progress.stepBy(1);
    }
    out.flush();
    return failed;
  }
}
