package dev.seq2seq.metrics.text;

import dev.seq2seq.metric.CorpusMetric;
import dev.seq2seq.metric.MetricOptions;
import dev.seq2seq.metric.MetricScore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * chrF as sacreBLEU 2.x computes it: character n-grams up to order 6 with whitespace removed,
 * optionally word n-grams (chrF++: word order 2), beta 2, per-order statistics of the best
 * reference summed over the corpus, then the F-score of the averaged precision and recall over
 * the orders that had n-grams on both sides.
 */
final class Chrf implements CorpusMetric {
  static final int CHAR_ORDER = 6;
  static final int BETA = 2;
  private static final String PUNCTS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  @Override
  public String description() {
    return "chrF as sacreBLEU 2.x computes it (chrF++ with --word-order 2)";
  }

  @Override
  public MetricScore score(
      List<String> hypotheses, List<List<String>> referenceSets, MetricOptions options) {
    TextInput.check(hypotheses, referenceSets);
    if (options.tokenize() != null) {
      throw new IllegalArgumentException("chrF does not tokenize (it compares characters)");
    }
    if (options.smoothing() != null) {
      throw new IllegalArgumentException("chrF has no smoothing option");
    }
    int wordOrder = options.wordOrder();
    int orders = CHAR_ORDER + wordOrder;
    // Three figures per order: hypothesis n-grams, reference n-grams, matches.
    long[] stats = new long[3 * orders];
    for (int i = 0; i < hypotheses.size(); i++) {
      List<Map<String, Integer>> hyp = ngrams(prepare(hypotheses.get(i), options), wordOrder);
      long[] best = null;
      double bestF = -1;
      for (List<String> set : referenceSets) {
        List<Map<String, Integer>> ref = ngrams(prepare(set.get(i), options), wordOrder);
        long[] segment = new long[3 * orders];
        for (int n = 0; n < orders; n++) {
          match(hyp.get(n), ref.get(n), segment, 3 * n);
        }
        double f = fScore(segment, orders);
        // Strictly greater: on a tie the earlier reference set wins, as in sacreBLEU.
        if (f > bestF) {
          bestF = f;
          best = segment;
        }
      }
      for (int k = 0; k < stats.length; k++) {
        stats[k] += best[k];
      }
    }
    String signature = Signatures.format(
        referenceSets.size(),
        "case:" + (options.lowercase() ? "lc" : "mixed"),
        "eff:yes",
        "nc:" + CHAR_ORDER,
        "nw:" + wordOrder,
        "space:no");
    Map<String, Double> details = new LinkedHashMap<>();
    details.put("beta", (double) BETA);
    details.put("char_order", (double) CHAR_ORDER);
    details.put("word_order", (double) wordOrder);
    return new MetricScore(fScore(stats, orders), signature, details);
  }

  /** sacreBLEU's name for the score: {@code chrF2}, or {@code chrF2++} with word n-grams. */
  @Override
  public String summary(MetricScore s) {
    int wordOrder = s.details().getOrDefault("word_order", 0.0).intValue();
    return "chrF" + BETA + "+".repeat(wordOrder) + " = " + PyText.fixed(s.score(), 2);
  }

  private static String prepare(String line, MetricOptions options) {
    return options.lowercase() ? PyText.lower(line) : line;
  }

  /** Character n-gram counts for orders 1..6, then word n-gram counts for 1..wordOrder. */
  static List<Map<String, Integer>> ngrams(String line, int wordOrder) {
    List<Map<String, Integer>> all = new ArrayList<>();
    int[] chars = PyText.codePoints(String.join("", PyText.split(line)));
    for (int n = 1; n <= CHAR_ORDER; n++) {
      Map<String, Integer> counts = new HashMap<>();
      for (int i = 0; i + n <= chars.length; i++) {
        counts.merge(new String(chars, i, n), 1, Integer::sum);
      }
      all.add(counts);
    }
    List<String> words = splitPunctuation(line);
    for (int n = 1; n <= wordOrder; n++) {
      Map<String, Integer> counts = new HashMap<>();
      for (int i = 0; i + n <= words.size(); i++) {
        counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
      }
      all.add(counts);
    }
    return all;
  }

  /**
   * chrF++'s word splitting (sacreBLEU's {@code _remove_punctuation}, after Popović): one ASCII
   * punctuation mark is split off the end of a word, or else off its start.
   */
  static List<String> splitPunctuation(String line) {
    List<String> out = new ArrayList<>();
    for (String w : PyText.split(line)) {
      int[] cps = PyText.codePoints(w);
      if (cps.length == 1) {
        out.add(w);
      } else if (isPunct(cps[cps.length - 1])) {
        out.add(new String(cps, 0, cps.length - 1));
        out.add(new String(cps, cps.length - 1, 1));
      } else if (isPunct(cps[0])) {
        out.add(new String(cps, 0, 1));
        out.add(new String(cps, 1, cps.length - 1));
      } else {
        out.add(w);
      }
    }
    return out;
  }

  private static boolean isPunct(int c) {
    return c < 128 && PUNCTS.indexOf(c) >= 0;
  }

  /** sacreBLEU's {@code _get_match_statistics}: no reference n-grams means no hypothesis count. */
  private static void match(
      Map<String, Integer> hyp, Map<String, Integer> ref, long[] into, int at) {
    long hypCount = 0;
    long matches = 0;
    for (Map.Entry<String, Integer> e : hyp.entrySet()) {
      hypCount += e.getValue();
      Integer r = ref.get(e.getKey());
      if (r != null) {
        matches += Math.min(e.getValue(), r);
      }
    }
    long refCount = 0;
    for (int c : ref.values()) {
      refCount += c;
    }
    into[at] = ref.isEmpty() ? 0 : hypCount;
    into[at + 1] = refCount;
    into[at + 2] = matches;
  }

  /**
   * sacreBLEU's {@code _compute_f_score} without epsilon smoothing: precision and recall are
   * averaged over the orders where both sides have n-grams, then combined into F-beta.
   */
  static double fScore(long[] stats, int orders) {
    double factor = BETA * BETA;
    double avgPrec = 0;
    double avgRec = 0;
    int effectiveOrder = 0;
    for (int i = 0; i < orders; i++) {
      long nHyp = stats[3 * i];
      long nRef = stats[3 * i + 1];
      long nMatch = stats[3 * i + 2];
      if (nHyp > 0 && nRef > 0) {
        avgPrec += (double) nMatch / nHyp;
        avgRec += (double) nMatch / nRef;
        effectiveOrder++;
      }
    }
    if (effectiveOrder == 0) {
      return 0.0;
    }
    avgPrec /= effectiveOrder;
    avgRec /= effectiveOrder;
    if (avgPrec + avgRec == 0) {
      return 0.0;
    }
    return 100 * (1 + factor) * avgPrec * avgRec / (factor * avgPrec + avgRec);
  }
}
