package dev.seq2seq.task.lm;

import com.google.inject.Inject;
import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.LoadedModel;
import dev.seq2seq.command.ModelLoader;
import dev.seq2seq.command.TaskCommand;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.task.lm.generate.Generator;
import dev.seq2seq.task.lm.generate.Sampler;
import dev.seq2seq.task.lm.text.Tokens;
import dev.seq2seq.task.lm.text.Vocabulary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seq2seq generate MODEL_DIR}: samples text from a trained language model. */
@Command(
    name = GenerateCommand.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "Sample text from a trained language model (a run's model/ folder).",
      "Prints the prompt followed by the generated text. The same seed gives the same text;"
          + " --top-k 1 is greedy decoding."
    })
final class GenerateCommand implements Callable<Integer>, TaskCommand {
  static final String NAME = "generate";
  static final int MAX_LENGTH = 1_000_000;

  private final ModelLoader models;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A run's model/ folder.")
  Path modelDir;

  @Option(names = "--prompt", paramLabel = "TEXT",
      description = "Text to continue (default: start at a line break).")
  String prompt = "";

  @Option(names = "--length", paramLabel = "N",
      description = "Characters (or words) to generate (default: ${DEFAULT-VALUE}).")
  int length = 500;

  @Option(names = "--temperature", paramLabel = "T",
      description = "Divides the logits; below 1 is more conservative, above 1 more varied"
          + " (default: ${DEFAULT-VALUE}).")
  double temperature = 1.0;

  @Option(names = "--top-k", paramLabel = "K",
      description = "Draw only among the K most likely tokens; 0 for all (default: ${DEFAULT-VALUE}).")
  int topK = 0;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the sampling generator (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a key of the model's recipe, e.g. --set backend.threads=1.")
  List<String> overrides = new ArrayList<>();

  @Inject
  GenerateCommand(ModelLoader models) {
    this.models = models;
  }

  @Override
  public Integer call() throws IOException {
    if (length < 1 || length > MAX_LENGTH) {
      throw new UsageException("--length must be between 1 and " + MAX_LENGTH + ", got " + length);
    }
    Sampler sampler;
    try {
      sampler = new Sampler(temperature, topK);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--temperature/--top-k: " + e.getMessage());
    }
    try (LoadedModel loaded = models.load(modelDir, overrides)) {
      LmSession session = loaded.session(LmSession.class, NAME);
      Vocabulary vocabulary = session.vocabulary();
      Tokens level = vocabulary.level();
      List<String> promptTokens = level.split(prompt);
      int[] context = promptIds(vocabulary, promptTokens);
      List<Integer> drawn = new Generator(session.model(), vocabulary)
          .generate(context, length, sampler, new SplittableRandom(seed), id -> {});
      List<String> all = new ArrayList<>(promptTokens);
      drawn.forEach(id -> all.add(vocabulary.token(id)));
      PrintWriter out = spec.commandLine().getOut();
      out.println(level.join(all));
      out.flush();
    }
    return ExitCode.OK;
  }

  /** The prompt's ids, or a line break to start from; unknown tokens are a usage error. */
  private int[] promptIds(Vocabulary vocabulary, List<String> tokens) {
    Tokens level = vocabulary.level();
    if (tokens.isEmpty()) {
      String lineBreak = level == Tokens.CHAR ? "\n" : Tokens.END_OF_LINE;
      if (!vocabulary.contains(lineBreak)) {
        throw new UsageException("the model's vocabulary has no line break to start from;"
            + " give a --prompt");
      }
      return new int[] {vocabulary.id(lineBreak)};
    }
    List<String> unknown = vocabulary.unknown(tokens);
    if (!unknown.isEmpty()) {
      String what = level == Tokens.CHAR ? "characters" : "words";
      throw new UsageException("the prompt has " + what + " that the model's vocabulary ("
          + modelDir.resolve(LmSession.VOCABULARY_FILE) + ") does not hold: "
          + unknown.stream().map(GenerateCommand::describe).collect(Collectors.joining(", ")));
    }
    return vocabulary.encode(tokens);
  }

  /** A token as a user can recognise it, control and unusual characters with their code point. */
  static String describe(String token) {
    if (token.codePointCount(0, token.length()) != 1) {
      return "'" + token + "'";
    }
    int cp = token.codePointAt(0);
    String code = String.format(Locale.ROOT, "U+%04X", cp);
    return Character.isISOControl(cp) || Character.isWhitespace(cp)
        ? code : "'" + token + "' (" + code + ")";
  }
}
