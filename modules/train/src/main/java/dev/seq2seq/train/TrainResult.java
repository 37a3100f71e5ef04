package dev.seq2seq.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a run ended: what the last stdout line of {@code seq2seq train} reports.
 *
 * @param out the run folder
 * @param steps optimiser updates done
 * @param skipped batches skipped for a non-finite loss or gradient norm
 * @param stopped why training stopped: {@code max_steps}, {@code epochs}, {@code
 *     early_stopping} or {@code interrupted} (a signal; no final validation then)
 * @param trainLoss mean training loss of the last progress interval (NaN, null in the summary,
 *     when no step was taken)
 * @param metrics validation metrics of the final model
 * @param metric the metric that ranks checkpoints
 * @param best its best value (NaN when never validated)
 * @param bestStep the step of {@code best}
 */
public record TrainResult(
    Path out,
    long steps,
    long skipped,
    String stopped,
    double trainLoss,
    Map<String, Double> metrics,
    String metric,
    double best,
    long bestStep) {

  /** The summary as a JSON-ready map: out, steps, ..., {@code final_<m>}, {@code best_<metric>}. */
  public Map<String, Object> summary() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("out", out.toString());
    json.put("steps", steps);
    json.put("skipped", skipped);
    json.put("stopped", stopped);
    // JSON has no NaN: a value that was never measured (no step taken, never validated) is null.
    json.put("train_loss", orNull(trainLoss));
    metrics.forEach((k, v) -> json.put("final_" + k, v));
    json.put("best_" + metric, orNull(best));
    json.put("best_step", bestStep);
    return json;
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
