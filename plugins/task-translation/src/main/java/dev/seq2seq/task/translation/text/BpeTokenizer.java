package dev.seq2seq.task.translation.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Subwords: the text is split into words by a {@link WordTokenizer}, then each word into BPE
 * pieces. A piece ending with {@link BpeModel#END} ends a word, so decoding joins pieces back into
 * words and detokenises those.
 */
public record BpeTokenizer(WordTokenizer words, BpeModel model) implements Tokenizer {

  /** The file a side's merges are saved to: {@code <prefix>.bpe}. */
  public static Path file(Path folder, String prefix) {
    return folder.resolve(prefix + ".bpe");
  }

  /** Word counts of {@code sentences} as {@code words} splits them: what BPE learns from. */
  public static Map<String, Long> countWords(WordTokenizer words, Iterable<String> sentences, Map<String, Long> into) {
    for (String s : sentences) {
      for (String w : words.encode(s)) {
        into.merge(w, 1L, Long::sum);
      }
    }
    return into;
  }

  /** Learns at most {@code merges} merges from {@code sentences}. */
  public static BpeTokenizer learn(WordTokenizer words, Iterable<String> sentences, int merges, long minPairCount) {
    Map<String, Long> counts = countWords(words, sentences, new HashMap<>());
    return new BpeTokenizer(words, new BpeModel(BpeLearner.learn(counts, merges, minPairCount)));
  }

  @Override
  public List<String> encode(String text) {
    List<String> pieces = new ArrayList<>();
    for (String w : words.encode(text)) {
      pieces.addAll(model.segment(w));
    }
    return pieces;
  }

  @Override
  public String decode(List<String> tokens) {
    List<String> joined = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (String t : tokens) {
      if (t.endsWith(BpeModel.END)) {
        word.append(t, 0, t.length() - BpeModel.END.length());
        if (word.length() > 0) {
          joined.add(word.toString());
        }
        word.setLength(0);
      } else {
        word.append(t);
      }
    }
    if (word.length() > 0) {
      joined.add(word.toString()); // a model's output may stop mid-word
    }
    return WordTokenizer.detokenize(joined);
  }

  @Override
  public void save(Path folder, String prefix) throws IOException {
    model.save(file(folder, prefix));
  }
}
