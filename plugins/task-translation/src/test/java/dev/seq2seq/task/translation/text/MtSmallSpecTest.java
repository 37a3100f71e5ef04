package dev.seq2seq.task.translation.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.task.translation.Multi30k;
import dev.seq2seq.task.translation.corpus.CorpusReport;
import dev.seq2seq.task.translation.corpus.PairFilter;
import dev.seq2seq.task.translation.corpus.ParallelCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text side of the mt-small benchmark (the benchmark spec) on the mirrored Multi30K. */
class MtSmallSpecTest {
  @TempDir static Path cache;

  @Test
  void wordTokensSeenTwiceGiveTheSpecsVocabularySizes() {
    Path folder = Multi30k.folder(cache);
    ParallelCorpus corpus = ParallelCorpus.lines(folder.resolve("train.de.gz"), folder.resolve("train.en.gz")).limit(6_400);
    WordTokenizer words = new WordTokenizerConfig(true).tokenizer();
    List<List<String>> de = new ArrayList<>();
    List<List<String>> en = new ArrayList<>();
    CorpusReport report = corpus.read(PairFilter.emptyOnly(), p -> {
      de.add(words.encode(p.source()));
      en.add(words.encode(p.target()));
    });
    assertThat(report.read()).isEqualTo(6_400);
    assertThat(report.kept()).isEqualTo(6_400);
    Vocabulary german = Vocabulary.build(de, 2, Integer.MAX_VALUE);
    Vocabulary english = Vocabulary.build(en, 2, Integer.MAX_VALUE);
    assertThat(german.size()).isEqualTo(2_820);
    assertThat(english.size()).isEqualTo(2_618);
    assertThat(german.tokens().subList(0, 6)).containsExactly("<pad>", "<unk>", "<s>", "</s>", ".", "ein");
  }

  @Test
  void bpeLearnsEightThousandJointMergesOnAllOfTrainInSeconds() {
    Path folder = Multi30k.folder(cache);
    ParallelCorpus train = ParallelCorpus.lines(folder.resolve("train.de.gz"), folder.resolve("train.en.gz"));
    long start = System.nanoTime();
    TokenizerPair bpe = new BpeTokenizerConfig(8_000, true, 2, true).build(train.sources(), train.targets());
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("BPE: 8000 joint merges on Multi30K train (29,000 pairs) in %.2f s%n", seconds);
    BpeModel model = ((BpeTokenizer) bpe.source()).model();
    assertThat(model.merges()).hasSize(8_000);
    assertThat(seconds).as("learning time").isLessThan(20);
    String s = "ein mann mit einem orangefarbenen hut, der etwas anstarrt.";
    assertThat(bpe.source().decode(bpe.source().encode(s))).isEqualTo(s);
    assertThat(bpe.source().encode("ein mann")).containsExactly("ein</w>", "mann</w>");
  }
}
