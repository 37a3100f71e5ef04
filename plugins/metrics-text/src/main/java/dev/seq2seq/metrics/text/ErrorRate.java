package dev.seq2seq.metrics.text;

import dev.seq2seq.metric.CorpusMetric;
import dev.seq2seq.metric.MetricOptions;
import dev.seq2seq.metric.MetricScore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word and character error rates as jiwer computes them: each line aligned to its reference
 * (Levenshtein, unit costs), substitutions, deletions and insertions summed over the corpus and
 * divided by the summed reference length, in percent (so above 100 when the hypotheses insert
 * more than the references hold).
 *
 * <p>Whitespace is normalised first: runs of whitespace are one separator, leading and trailing
 * whitespace is dropped. WER compares the words between separators. CER compares characters
 * (Unicode code points) <em>including</em> the single spaces between words, as jiwer's CER does,
 * so a missing word boundary counts as one deletion.
 *
 * <p>An empty reference line is allowed (its hypothesis words are all insertions), but a corpus
 * whose references are all empty has no error rate. Only one reference set: with several, which
 * reference a line is scored against would change the denominator.
 */
abstract class ErrorRate implements CorpusMetric {
  private final String name;
  private final boolean characters;

  ErrorRate(String name, boolean characters) {
    this.name = name;
    this.characters = characters;
  }

  @Override
  public MetricScore score(
      List<String> hypotheses, List<List<String>> referenceSets, MetricOptions options) {
    if (referenceSets.size() > 1) {
      throw new IllegalArgumentException(
          upper() + " takes one reference set, got " + referenceSets.size()
              + " (several references are not supported)");
    }
    TextInput.check(hypotheses, referenceSets);
    if (options.tokenize() != null) {
      throw new IllegalArgumentException(
          upper() + " has no tokenize option (it splits on whitespace"
              + (characters ? " and compares characters)" : ")"));
    }
    if (options.smoothing() != null) {
      throw new IllegalArgumentException(upper() + " has no smoothing option");
    }
    if (options.wordOrder() != 0) {
      throw new IllegalArgumentException(upper() + " has no word order option (that is chrF++)");
    }
    if (options.effectiveOrder()) {
      throw new IllegalArgumentException(upper() + " has no effective order option");
    }
    List<String> references = referenceSets.get(0);
    Map<String, Integer> vocabulary = new HashMap<>();
    EditCounts total = EditCounts.ZERO;
    for (int i = 0; i < hypotheses.size(); i++) {
      int[] ref = units(references.get(i), options.lowercase(), vocabulary);
      int[] hyp = units(hypotheses.get(i), options.lowercase(), vocabulary);
      total = total.plus(EditCounts.align(ref, hyp));
    }
    if (total.referenceLength() == 0) {
      throw new IllegalArgumentException(
          "the references have no " + (characters ? "characters" : "words") + ": " + upper()
              + " is undefined");
    }
    Map<String, Double> details = new LinkedHashMap<>();
    details.put("substitutions", (double) total.substitutions());
    details.put("deletions", (double) total.deletions());
    details.put("insertions", (double) total.insertions());
    details.put("hits", (double) total.hits());
    details.put("reference_length", (double) total.referenceLength());
    details.put("hypothesis_length", (double) total.hypothesisLength());
    double score = 100.0 * total.errors() / total.referenceLength();
    String signature =
        "nrefs:1|case:" + (options.lowercase() ? "lc" : "mixed")
            + (characters ? "|unit:char|space:yes" : "|unit:word");
    return new MetricScore(score, signature, details);
  }

  /** {@code WER = 12.50 (sub 1, del 0, ins 2; 24 reference words)}. */
  @Override
  public String summary(MetricScore s) {
    Map<String, Double> d = s.details();
    return upper() + " = " + PyText.fixed(s.score(), 2)
        + " (sub " + count(d, "substitutions") + ", del " + count(d, "deletions")
        + ", ins " + count(d, "insertions") + "; " + count(d, "reference_length")
        + " reference " + (characters ? "characters" : "words") + ")";
  }

  /** {@code {"wer": 12.5, "substitutions": 1, ...}}: the format, counts as integers. */
  @Override
  public Map<String, Object> jsonFields(MetricScore s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(name, s.score());
    for (String k : List.of("substitutions", "deletions", "insertions", "hits",
        "reference_length", "hypothesis_length")) {
      out.put(k, count(s.details(), k));
    }
    return out;
  }

  private static long count(Map<String, Double> details, String key) {
    return details.getOrDefault(key, 0.0).longValue();
  }

  private String upper() {
    return name.toUpperCase(java.util.Locale.ROOT);
  }

  /** The line's words as ids (shared across the corpus), or its characters with single spaces. */
  private int[] units(String line, boolean lowercase, Map<String, Integer> vocabulary) {
    List<String> words = PyText.split(lowercase ? PyText.lower(line) : line);
    if (characters) {
      return String.join(" ", words).codePoints().toArray();
    }
    int[] ids = new int[words.size()];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = vocabulary.computeIfAbsent(words.get(k), w -> vocabulary.size());
    }
    return ids;
  }

  /** Word error rate. */
  static final class Wer extends ErrorRate {
    Wer() {
      super("wer", false);
    }

    @Override
    public String description() {
      return "word error rate in percent, with substitution/deletion/insertion counts (as jiwer)";
    }
  }

  /** Character error rate, spaces between words counted as characters. */
  static final class Cer extends ErrorRate {
    Cer() {
      super("cer", true);
    }

    @Override
    public String description() {
      return "character error rate in percent, spaces included (as jiwer), with edit counts";
    }
  }
}
