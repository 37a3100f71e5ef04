package dev.seq2seq.metric;

/**
 * Options shared by text metrics; a metric rejects those it cannot honour rather than ignoring
 * them, so a signature never claims a setting that was not applied.
 *
 * @param lowercase compare lower-cased text
 * @param tokenize tokenizer name, or {@code null} for the metric's default
 * @param smoothing smoothing method name, or {@code null} for the metric's default
 * @param effectiveOrder skip n-gram orders that have no matches (for sentence-level scores)
 * @param wordOrder word n-gram order for metrics that mix word and character n-grams (chrF++:
 *     2); 0 for the metric's default
 */
public record MetricOptions(
    boolean lowercase, String tokenize, String smoothing, boolean effectiveOrder, int wordOrder) {

  /** Every option at the metric's default. */
  public static final MetricOptions DEFAULTS = new MetricOptions(false, null, null, false, 0);

  public MetricOptions {
    if (wordOrder < 0) {
      throw new IllegalArgumentException("word order must be >= 0, got " + wordOrder);
    }
  }

  public MetricOptions withLowercase(boolean value) {
    return new MetricOptions(value, tokenize, smoothing, effectiveOrder, wordOrder);
  }

  public MetricOptions withTokenize(String value) {
    return new MetricOptions(lowercase, value, smoothing, effectiveOrder, wordOrder);
  }

  public MetricOptions withSmoothing(String value) {
    return new MetricOptions(lowercase, tokenize, value, effectiveOrder, wordOrder);
  }

  public MetricOptions withEffectiveOrder(boolean value) {
    return new MetricOptions(lowercase, tokenize, smoothing, value, wordOrder);
  }

  public MetricOptions withWordOrder(int value) {
    return new MetricOptions(lowercase, tokenize, smoothing, effectiveOrder, value);
  }
}
