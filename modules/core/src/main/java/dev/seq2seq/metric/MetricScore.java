package dev.seq2seq.metric;

import java.util.Map;

/**
 * A metric's result.
 *
 * @param score the score, on the metric's usual scale (BLEU and chrF: 0 to 100)
 * @param signature what produced the score, so two numbers can be compared only when their
 *     signatures agree (sacreBLEU's format for the metrics it defines)
 * @param details named figures behind the score (n-gram precisions, brevity penalty, lengths)
 */
public record MetricScore(double score, String signature, Map<String, Double> details) {
  public MetricScore {
    details = Map.copyOf(details);
  }
}
