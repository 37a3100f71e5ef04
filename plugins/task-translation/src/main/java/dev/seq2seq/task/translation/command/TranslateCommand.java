package dev.seq2seq.task.translation.command;

import com.google.inject.Inject;
import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.LoadedModel;
import dev.seq2seq.command.ModelLoader;
import dev.seq2seq.command.Progress;
import dev.seq2seq.command.TaskCommand;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.nn.BeamSearch;
import dev.seq2seq.recipe.DecodeConfig;
import dev.seq2seq.task.translation.TranslationSession;
import dev.seq2seq.task.translation.corpus.CorpusException;
import dev.seq2seq.task.translation.decode.Translator;
import dev.seq2seq.util.TextLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code seq2seq translate MODEL_DIR}: translates a file (or standard input) of any size, one
 * sentence per line, line i out for line i in.
 *
 * <p>Input is read in chunks of {@code --chunk-size} lines, so memory stays bounded; within a
 * chunk sentences are sorted by length into batches and put back in order. Each chunk's output is
 * written and flushed before the next is read, so a crash loses at most one chunk. {@code
 * --resume} keeps the complete lines already in the output (a partial last line is dropped),
 * re-reads the chunk they end in and appends from the first missing line: the chunks, and so the
 * batches, are the same as in an uninterrupted run, and so is the finished file.
 */
@Command(
    name = "translate",
    mixinStandardHelpOptions = true,
    description = "Translate text with a trained translation model, one sentence per line.")
public final class TranslateCommand implements Callable<Integer>, TaskCommand {

  /** Output formats. */
  enum Format {
    text,
    jsonl
  }

  private final ModelLoader models;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A run's model/ folder.")
  Path modelDir;

  @Option(names = {"-i", "--input"}, paramLabel = "FILE", defaultValue = "-",
      description = "Input text, one sentence per line (plain or gzip); - for standard input (default).")
  String input;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Where translations go (default: standard output).")
  Path output;

  @Option(names = "--beam", paramLabel = "N", description = "Beam size; 1 decodes greedily (default: the recipe's decode.beam_size).")
  Integer beam;

  @Option(names = "--nbest", paramLabel = "N", description = "Hypotheses per sentence in jsonl output (default: the recipe's decode.nbest).")
  Integer nbest;

  @Option(names = "--batch-size", paramLabel = "N", description = "Sentences decoded together (default: the recipe's decode.batch_size).")
  Integer batchSize;

  @Option(names = "--length-penalty", paramLabel = "ALPHA", description = "GNMT length penalty (default: the recipe's decode.length_penalty).")
  Double lengthPenalty;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (one translation per line) or jsonl (scores, n-best list, attention).")
  Format format;

  @Option(names = "--resume", description = "Continue an interrupted run: keep the output's complete lines and append the rest.")
  boolean resume;

  @Option(names = "--force", description = "Overwrite a non-empty output file.")
  boolean force;

  @Option(names = "--plot-attention", paramLabel = "DIR", description = "Write an attention heat map (PNG) per sentence into DIR.")
  Path plotDir;

  @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "1000",
      description = "Lines read, translated and written at a time (default: ${DEFAULT-VALUE}).")
  int chunkSize;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a key of the model's recipe, e.g. --set backend.threads=2.")
  List<String> overrides = new ArrayList<>();

  @Option(names = {"-q", "--quiet"}, description = "No progress report.")
  boolean quiet;

  @Inject
  TranslateCommand(ModelLoader models) {
    this.models = models;
  }

  @Override
  public Integer call() throws IOException {
    if (chunkSize < 1) {
      throw new UsageException("--chunk-size must be >= 1, got " + chunkSize);
    }
    boolean stdin = input.equals("-");
    Path inputFile = stdin ? null : Path.of(input);
    if (inputFile != null && !Files.isRegularFile(inputFile)) {
      throw new UsageException(input + ": no such input file");
    }
    if (resume && output == null) {
      throw new UsageException("--resume needs the output file (-o FILE) to continue");
    }
    if (output != null && !resume && !force && Files.isRegularFile(output) && Files.size(output) > 0) {
      throw new UsageException(output + " already holds translations; --resume continues them,"
          + " --force overwrites them");
    }
    long done = resume && Files.exists(output) ? OutputFile.keepCompleteLines(output) : 0;
    long total = inputFile == null ? -1 : countLines(inputFile);
    if (total >= 0 && done > total) {
      throw new UsageException(output + " has " + done + " lines but " + input + " only " + total
          + "; is it the output of another input?");
    }
    try (LoadedModel model = models.load(modelDir, overrides)) {
      TranslationSession session = model.session(TranslationSession.class, "translate");
      Translator.Settings settings = settings(session.recipe().decode());
      boolean withAttention = format == Format.jsonl || plotDir != null;
      PrintWriter err = quiet ? null : spec.commandLine().getErr();
      try (TextLines in = reader(inputFile);
          Writer out = writer();
          Progress progress = Progress.start("translate", "lines", total, err)) {
        // Resume at the start of the chunk holding the first missing line, so that every chunk
        // (and every batch in it) is the one an uninterrupted run would have translated.
        long first = done - done % chunkSize;
        if (in.skip(first) < first) {
          throw new UsageException(input + " has fewer than " + first + " lines; is " + output
              + " the output of another input?");
        }
        progress.stepTo(done);
        TranslationWriter lines = new TranslationWriter(format, plotDir);
        long lineNo = first;
        while (true) {
          List<String> chunk = readChunk(in);
          if (chunk.isEmpty()) {
            break;
          }
          List<Translator.Translation> translations =
              session.translator().translate(chunk, settings, withAttention);
          for (int k = 0; k < chunk.size(); k++) {
            long line = lineNo + k + 1; // 1-based
            if (line > done) {
              lines.write(out, line, translations.get(k));
            }
          }
          out.flush();
          long newlyDone = Math.max(0, lineNo + chunk.size() - Math.max(lineNo, done));
          progress.stepBy(newlyDone);
          lineNo += chunk.size();
        }
      }
    }
    return ExitCode.OK;
  }

  private Translator.Settings settings(DecodeConfig decode) {
    int b = beam != null ? beam : decode.beamSize();
    int n = nbest != null ? nbest : Math.min(decode.nbest(), b);
    try {
      return new Translator.Settings(
          new BeamSearch.Options(b, n, lengthPenalty != null ? lengthPenalty : decode.lengthPenalty(),
              decode.maxLengthRatio(), decode.maxLengthOffset()),
          batchSize != null ? batchSize : decode.batchSize());
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad decoding options: " + e.getMessage());
    }
  }

  private List<String> readChunk(TextLines in) {
    List<String> chunk = new ArrayList<>(Math.min(chunkSize, 4096));
    try {
      for (int k = 0; k < chunkSize; k++) {
        String line = in.next();
        if (line == null) {
          break;
        }
        chunk.add(line);
      }
    } catch (CorpusException e) {
      throw new UsageException(e.getMessage());
    }
    return chunk;
  }

  private TextLines reader(Path file) {
    try {
      if (file == null) {
        InputStream stdin = System.in;
        return TextLines.of("standard input", stdin, StandardCharsets.UTF_8, CorpusException::new);
      }
      return TextLines.open(file, StandardCharsets.UTF_8, CorpusException::new);
    } catch (CorpusException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private Writer writer() throws IOException {
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      return new Writer() { // not closing the command's own stream
        @Override
        public void write(char[] buf, int off, int len) {
          out.write(buf, off, len);
        }

        @Override
        public void flush() {
          out.flush();
        }

        @Override
        public void close() {
          out.flush();
        }
      };
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    OutputStream stream = resume
        ? Files.newOutputStream(output, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
        : Files.newOutputStream(output);
    return new OutputStreamWriter(stream, StandardCharsets.UTF_8);
  }

  private static long countLines(Path file) {
    try (TextLines counter = TextLines.open(file, StandardCharsets.UTF_8, CorpusException::new)) {
      return counter.skip(Long.MAX_VALUE);
    } catch (CorpusException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Reading what a killed run left behind. */
  static final class OutputFile {
    private OutputFile() {}

    /**
     * Truncates {@code file} after its last line break (a line cut off mid-write is dropped) and
     * returns how many complete lines it holds.
     */
    static long keepCompleteLines(Path file) throws IOException {
      long lines = 0;
      long end = 0; // bytes up to and including the last '\n'
      long position = 0;
      byte[] buffer = new byte[1 << 16];
      try (InputStream in = Files.newInputStream(file)) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
              lines++;
              end = position + i + 1;
            }
          }
          position += n;
        }
      } catch (NoSuchFileException e) {
        return 0;
      }
      if (end < position) {
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
          channel.truncate(end);
        }
      }
      return lines;
    }
  }
}
