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
import dev.seq2seq.task.speech.data.JsonlManifest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
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
      description = "Longer recordings are cut (at a quiet point) into windows of at most this"
          + " many seconds. Default: ${DEFAULT-VALUE}.")
  double chunkSeconds;

  @Option(names = "--resume", description = "Skip the files already in the output file (-o).")
  boolean resume;

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
        Loaded l = load(file, session);
        group.add(l);
        chunks += l.starts().length;
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

  /** A file read (or the reason it could not be), with its chunk starts. */
  private record Loaded(Path path, Audio audio, int[] starts, String error) {}

  private Loaded load(Path file, SpeechSession session) {
    if (file.getFileName() != null
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".flac")) {
      return new Loaded(file, null, new int[0], file + ": FLAC is not decoded yet (the build has"
          + " no offline FLAC reader); convert it to WAV");
    }
    try {
      Audio audio = JsonlManifest.load(file, session.sampleRate());
      if (audio.length() == 0) {
        return new Loaded(file, null, new int[0], file + ": no audio samples (empty data chunk)");
      }
      return new Loaded(file, audio, Chunker.boundaries(audio.samples(), audio.sampleRate(),
          chunkSeconds, Math.min(2, chunkSeconds / 4)), null);
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      return new Loaded(file, null, new int[0], message);
    }
  }

  /** Transcribes a group of files' chunks in batches and writes their results in order. */
  private int flush(List<Loaded> group, SpeechSession session, int width, OutputFile out,
      PrintWriter err, Progress progress) throws IOException {
    record Piece(int file, int from, int to) {}
    List<Piece> pieces = new ArrayList<>();
    for (int f = 0; f < group.size(); f++) {
      Loaded l = group.get(f);
      for (int c = 0; c < l.starts().length; c++) {
        int to = c + 1 < l.starts().length ? l.starts()[c + 1] : l.audio().length();
        pieces.add(new Piece(f, l.starts()[c], to));
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
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < l.starts().length; c++, piece++) {
          String t = texts[piece];
          if (!t.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append(t);
          }
        }
        line.put("text", text.toString());
        line.put("duration_s", Double.parseDouble(String.format(Locale.ROOT, "%.3f", l.audio().seconds())));
        line.put("chunks", l.starts().length);
        out.write(format == Format.jsonl ? Json.write(line) : text.toString());
      }
      progress.stepBy(1);
    }
    out.flush();
    return failed;
  }
}
