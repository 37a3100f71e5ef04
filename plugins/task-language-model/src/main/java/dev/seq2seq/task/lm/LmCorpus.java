package dev.seq2seq.task.lm;

import dev.seq2seq.task.lm.text.TextFile;
import dev.seq2seq.task.lm.text.TextFileException;
import dev.seq2seq.task.lm.text.Tokens;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * The recipe's text, tokenised and cut in order into training, validation and test parts: {@code
 * [ training | validation | test ]}, the test part being the last {@code test_fraction} and the
 * validation part the {@code validation_fraction} before it. Without a test part, the test split
 * is the validation part.
 */
record LmCorpus(String source, List<String> train, List<String> validation, List<String> test) {

  static Tokens tokens(LmDataConfig.Level level) {
    return level == LmDataConfig.Level.CHAR ? Tokens.CHAR : Tokens.WORD;
  }

  static LmCorpus load(LmDataConfig data) throws IOException {
    Path file = data.text().textFile();
    return split(file.toString(), tokens(data.level()).split(
        TextFile.read(file, Charset.forName(data.encoding()))), data);
  }

  static LmCorpus split(String source, List<String> all, LmDataConfig data) throws IOException {
    int n = all.size();
    int test = (int) Math.round(n * data.testFraction());
    int validation = (int) Math.round(n * data.validationFraction());
    int train = n - validation - test;
    if (train < 2 || validation < 2 || (data.testFraction() > 0 && test < 2)) {
      throw new TextFileException(source + ": " + n + " " + tokens(data.level()).name()
          .toLowerCase(java.util.Locale.ROOT) + " tokens are too few to hold out "
          + data.validationFraction() + " for validation" + (test > 0 ? " and "
          + data.testFraction() + " for test" : "") + " (each part needs at least 2 tokens)");
    }
    List<String> validationPart = all.subList(train, train + validation);
    return new LmCorpus(source, all.subList(0, train), validationPart,
        test > 0 ? all.subList(train + validation, n) : validationPart);
  }

}
