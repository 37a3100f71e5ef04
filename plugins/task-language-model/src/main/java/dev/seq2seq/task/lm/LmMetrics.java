package dev.seq2seq.task.lm;

import java.util.LinkedHashMap;
import java.util.Map;

/** A language model's scores from its summed negative log-likelihood. */
final class LmMetrics {
  private LmMetrics() {}

  /**
   * {@code loss} (nats per token), {@code bits_per_char} or {@code bits_per_word} (the same in
   * bits), {@code perplexity} ({@code e^loss}) and {@code tokens} (how many predictions).
   */
  static Map<String, Double> of(double nllSum, long predictions, LmDataConfig.Level level) {
    if (predictions <= 0) {
      throw new IllegalArgumentException("no predictions to score");
    }
    double loss = nllSum / predictions;
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("loss", loss);
    out.put(level == LmDataConfig.Level.CHAR ? "bits_per_char" : "bits_per_word", loss / Math.log(2));
    out.put("perplexity", Math.exp(loss));
    out.put("tokens", (double) predictions);
    return out;
  }
}
