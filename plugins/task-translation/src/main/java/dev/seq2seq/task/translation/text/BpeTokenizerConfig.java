package dev.seq2seq.task.translation.text;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

@Doc("Subword units learned from the training data by byte-pair encoding (Sennrich et al. 2016)"
    + " on top of the word tokenizer; words end with the symbol </w>.")
public record BpeTokenizerConfig(
    @Doc("How many merges to learn (the subword vocabulary grows by about one per merge).") @Default("8000") @Min(0) int merges,
    @Doc("Learn one set of merges from both languages (true) or one per language (false).") @Default("true") boolean joint,
    @Doc("Stop learning when no pair of symbols occurs this often.") @Default("2") @Positive int minPairCount,
    @Doc("Lower-case the text first.") @Default("true") boolean lowercase)
    implements TokenizerConfig {

  @Override
  public TokenizerPair build(Iterable<String> source, Iterable<String> target) {
    WordTokenizer words = new WordTokenizer(lowercase);
    if (joint) {
      Map<String, Long> counts = BpeTokenizer.countWords(words, source, new HashMap<>());
      BpeTokenizer.countWords(words, target, counts);
      return TokenizerPair.shared(
          new BpeTokenizer(words, new BpeModel(BpeLearner.learn(counts, merges, minPairCount))));
    }
    return new TokenizerPair(
        BpeTokenizer.learn(words, source, merges, minPairCount),
        BpeTokenizer.learn(words, target, merges, minPairCount));
  }

  @Override
  public TokenizerPair load(Path folder) throws IOException {
    WordTokenizer words = new WordTokenizer(lowercase);
    Path source = BpeTokenizer.file(folder, TokenizerPair.SOURCE);
    Path target = BpeTokenizer.file(folder, TokenizerPair.TARGET);
    for (Path p : new Path[] {source, target}) {
      if (!Files.isRegularFile(p)) {
        throw new IOException("missing BPE merges file " + p + " (written when the tokenizer was learned)");
      }
    }
    return new TokenizerPair(
        new BpeTokenizer(words, BpeModel.load(source)), new BpeTokenizer(words, BpeModel.load(target)));
  }
}
