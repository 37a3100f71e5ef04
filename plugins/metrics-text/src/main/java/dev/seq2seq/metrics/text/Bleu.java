package dev.seq2seq.metrics.text;

import dev.seq2seq.metric.CorpusMetric;
import dev.seq2seq.metric.MetricOptions;
import dev.seq2seq.metric.MetricScore;
import dev.seq2seq.util.Suggestions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BLEU exactly as sacreBLEU 2.x computes it: the same tokenizers, clipping against the maximum
 * count over all references, closest reference length (ties to the shorter), corpus-level
 * statistics summed before the geometric mean, and the same smoothing methods.
 */
final class Bleu implements CorpusMetric {
  static final int MAX_ORDER = 4;
  private static final List<String> SMOOTHING = List.of("exp", "floor", "add-k", "none");
  /** sacreBLEU's defaults for the methods that take a value. */
  private static final double FLOOR_VALUE = 0.1;
  private static final double ADD_K_VALUE = 1;

  @Override
  public String description() {
    return "BLEU as sacreBLEU 2.x computes it (tokenizers 13a, intl, char, none)";
  }

  @Override
  public MetricScore score(
      List<String> hypotheses, List<List<String>> referenceSets, MetricOptions options) {
    TextInput.check(hypotheses, referenceSets);
    if (options.wordOrder() != 0) {
      throw new IllegalArgumentException("BLEU has no word order option (that is chrF++)");
    }
    BleuTokenizer tokenizer =
        options.tokenize() == null ? BleuTokenizer.THIRTEEN_A : BleuTokenizer.named(options.tokenize());
    String smoothing = options.smoothing() == null ? "exp" : options.smoothing();
    if (!SMOOTHING.contains(smoothing)) {
      throw new IllegalArgumentException(
          "unknown BLEU smoothing '" + smoothing + "'" + Suggestions.didYouMean(smoothing, SMOOTHING)
              + "; known: " + String.join(", ", SMOOTHING));
    }

    long hypLen = 0;
    long refLen = 0;
    double[] correct = new double[MAX_ORDER];
    double[] total = new double[MAX_ORDER];
    for (int i = 0; i < hypotheses.size(); i++) {
      Map<List<String>, Integer> refMax = new HashMap<>();
      int[] refLens = new int[referenceSets.size()];
      for (int r = 0; r < referenceSets.size(); r++) {
        List<String> tokens = tokens(referenceSets.get(r).get(i), tokenizer, options.lowercase());
        refLens[r] = tokens.size();
        ngrams(tokens).forEach((g, c) -> refMax.merge(g, c, Math::max));
      }
      List<String> hyp = tokens(hypotheses.get(i), tokenizer, options.lowercase());
      hypLen += hyp.size();
      refLen += closestRefLength(hyp.size(), refLens);
      for (Map.Entry<List<String>, Integer> e : ngrams(hyp).entrySet()) {
        int n = e.getKey().size() - 1;
        total[n] += e.getValue();
        correct[n] += Math.min(e.getValue(), refMax.getOrDefault(e.getKey(), 0));
      }
    }
    Result result = compute(correct, total, hypLen, refLen, smoothing, options.effectiveOrder());

    String smoothSig = switch (smoothing) {
      case "floor" -> "floor[" + PyText.fixed(FLOOR_VALUE, 2) + "]";
      case "add-k" -> "add-k[" + PyText.fixed(ADD_K_VALUE, 2) + "]";
      default -> smoothing;
    };
    String signature = Signatures.format(
        referenceSets.size(),
        "case:" + (options.lowercase() ? "lc" : "mixed"),
        "eff:" + (options.effectiveOrder() ? "yes" : "no"),
        "tok:" + tokenizer.signatureName(),
        "smooth:" + smoothSig);
    Map<String, Double> details = new LinkedHashMap<>();
    for (int n = 0; n < MAX_ORDER; n++) {
      details.put("precision_" + (n + 1), result.precisions[n]);
      details.put("correct_" + (n + 1), result.correct[n]);
      details.put("total_" + (n + 1), result.total[n]);
    }
    details.put("bp", result.bp);
    details.put("sys_len", (double) hypLen);
    details.put("ref_len", (double) refLen);
    return new MetricScore(result.score, signature, details);
  }

  /** sacreBLEU's text form: {@code BLEU = 48.53 82.4/50.0/... (BP = 1.000 ratio = ...)}. */
  @Override
  public String summary(MetricScore s) {
    Map<String, Double> d = s.details();
    StringBuilder precisions = new StringBuilder();
    for (int n = 1; n <= MAX_ORDER; n++) {
      precisions.append(n > 1 ? "/" : "").append(PyText.fixed(d.get("precision_" + n), 1));
    }
    double sys = d.get("sys_len");
    double ref = d.get("ref_len");
    double ratio = ref > 0 ? sys / ref : 0;
    return "BLEU = " + PyText.fixed(s.score(), 2) + " " + precisions
        + " (BP = " + PyText.fixed(d.get("bp"), 3) + " ratio = " + PyText.fixed(ratio, 3)
        + " hyp_len = " + (long) sys + " ref_len = " + (long) ref + ")";
  }

  private static List<String> tokens(String line, BleuTokenizer tokenizer, boolean lowercase) {
    String s = lowercase ? PyText.lower(line) : line;
    return PyText.split(tokenizer.tokenize(PyText.rstrip(s)));
  }

  /** Counts of every n-gram of order 1 to 4. */
  static Map<List<String>, Integer> ngrams(List<String> tokens) {
    Map<List<String>, Integer> counts = new HashMap<>();
    for (int n = 1; n <= MAX_ORDER; n++) {
      for (int i = 0; i + n <= tokens.size(); i++) {
        counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The reference length closest to the hypothesis length; ties go to the shorter reference. */
  static int closestRefLength(int hypLen, int[] refLens) {
    int bestDiff = -1;
    int best = -1;
    for (int len : refLens) {
      int diff = Math.abs(hypLen - len);
      if (bestDiff == -1 || diff < bestDiff) {
        bestDiff = diff;
        best = len;
      } else if (diff == bestDiff && len < best) {
        best = len;
      }
    }
    return best;
  }

  record Result(double score, double bp, double[] precisions, double[] correct, double[] total) {}

  /** sacreBLEU's {@code BLEU.compute_bleu}, step for step. */
  static Result compute(
      double[] correctIn, double[] totalIn, long sysLen, long refLen, String smoothing,
      boolean effectiveOrder) {
    double[] correct = correctIn.clone();
    double[] total = totalIn.clone();
    double bp = 1.0;
    if (sysLen < refLen) {
      bp = sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0;
    }
    double[] precisions = new double[MAX_ORDER];
    boolean anyCorrect = false;
    for (double c : correct) {
      anyCorrect |= c != 0;
    }
    if (!anyCorrect) {
      return new Result(0.0, bp, precisions, correct, total);
    }
    double smoothMteval = 1.0;
    int effOrder = MAX_ORDER;
    for (int n = 1; n <= MAX_ORDER; n++) {
      if (smoothing.equals("add-k") && n > 1) {
        correct[n - 1] += ADD_K_VALUE;
        total[n - 1] += ADD_K_VALUE;
      }
      if (total[n - 1] == 0) {
        break;
      }
      if (effectiveOrder) {
        effOrder = n;
      }
      if (correct[n - 1] == 0) {
        if (smoothing.equals("exp")) {
          smoothMteval *= 2;
          precisions[n - 1] = 100.0 / (smoothMteval * total[n - 1]);
        } else if (smoothing.equals("floor")) {
          precisions[n - 1] = 100.0 * FLOOR_VALUE / total[n - 1];
        }
      } else {
        precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
      }
    }
    double logSum = 0;
    for (int n = 0; n < effOrder; n++) {
      // sacreBLEU's my_log: log(0) is floored to -9999999999 rather than -inf.
      logSum += precisions[n] == 0.0 ? -9999999999.0 : Math.log(precisions[n]);
    }
    double score = bp * Math.exp(logSum / effOrder);
    return new Result(score, bp, precisions, correct, total);
  }
}
