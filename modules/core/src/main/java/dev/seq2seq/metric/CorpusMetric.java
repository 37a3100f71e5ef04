package dev.seq2seq.metric;

import dev.seq2seq.plugin.ExtensionPoint;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A corpus-level evaluation metric such as BLEU or chrF, behind {@code seq2seq score NAME}.
 * Plugins register metrics by short name; tasks and the command line look them up by that name.
 *
 * <p>Implementations are stateless: everything a computation depends on comes in through the
 * arguments, so one instance serves every caller.
 */
@ExtensionPoint("metric")
public interface CorpusMetric {

  /** One line shown by {@code seq2seq plugins} and {@code seq2seq score --list}. */
  String description();

  /**
   * Scores {@code hypotheses} against one or more reference sets.
   *
   * @param hypotheses one segment per line
   * @param referenceSets one list per reference set, each line-aligned with {@code hypotheses}
   * @throws IllegalArgumentException for mismatched lengths, no reference set, or an option the
   *     metric does not understand (the message names it)
   */
  MetricScore score(
      List<String> hypotheses, List<List<String>> referenceSets, MetricOptions options);

  /**
   * The human-readable result line without the signature, for example {@code BLEU = 48.53
   * 82.4/...}. Metrics override this to show their own breakdown.
   */
  default String summary(MetricScore score) {
    return String.format(Locale.ROOT, "%.2f", score.score());
  }

  /**
   * The fields {@code seq2seq score --json} prints for the score, between the metric's name and
   * its signature and details: {@code {"score": …}} unless a metric's users expect its own key
   * and figures at the top, as WER's {@code {"wer": …, "substitutions": …}}.
   */
  default Map<String, Object> jsonFields(MetricScore score) {
    return Map.of("score", score.score());
  }
}
