package dev.seq2seq.task.classification.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A confusion matrix (rows: true label, columns: predicted label) and what is read off it:
 * accuracy, per-label precision, recall and F1, and macro-F1.
 *
 * <p>Macro-F1 averages F1 over the labels that occur among the true or the predicted labels (as
 * scikit-learn's {@code f1_score(average="macro")} without an explicit label list); a label with
 * no true positive has F1 = 0.
 */
public final class Confusion {
  private final List<String> labels;
  private final long[][] counts;

  public Confusion(List<String> labels) {
    this.labels = List.copyOf(labels);
    this.counts = new long[labels.size()][labels.size()];
  }

  /** The matrix of {@code gold} against {@code predicted} (label indices). */
  public static Confusion of(List<String> labels, int[] gold, int[] predicted) {
    if (gold.length != predicted.length) {
      throw new IllegalArgumentException(gold.length + " true labels but " + predicted.length
          + " predictions");
    }
    Confusion c = new Confusion(labels);
    for (int i = 0; i < gold.length; i++) {
      c.add(gold[i], predicted[i]);
    }
    return c;
  }

  public void add(int gold, int predicted) {
    add(gold, predicted, 1);
  }

  public void add(int gold, int predicted, long n) {
    counts[gold][predicted] += n;
  }

  /** Adds another matrix over the same labels (cross-validation folds). */
  public void addAll(Confusion other) {
    if (!other.labels.equals(labels)) {
      throw new IllegalArgumentException("labels differ: " + labels + " vs " + other.labels);
    }
    for (int g = 0; g < counts.length; g++) {
      for (int p = 0; p < counts.length; p++) {
        counts[g][p] += other.counts[g][p];
      }
    }
  }

  public List<String> labels() {
    return labels;
  }

  public long count(int gold, int predicted) {
    return counts[gold][predicted];
  }

  public long total() {
    long n = 0;
    for (long[] row : counts) {
      for (long v : row) {
        n += v;
      }
    }
    return n;
  }

  /** Correct predictions over all; NaN for an empty matrix. */
  public double accuracy() {
    long correct = 0;
    for (int i = 0; i < counts.length; i++) {
      correct += counts[i][i];
    }
    long n = total();
    return n == 0 ? Double.NaN : (double) correct / n;
  }

  /** F1 of one label: 2 tp / (2 tp + fp + fn), 0 when it has no true positive. */
  public double f1(int label) {
    long tp = counts[label][label];
    long fp = column(label) - tp;
    long fn = row(label) - tp;
    return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  public double precision(int label) {
    long predicted = column(label);
    return predicted == 0 ? 0.0 : (double) counts[label][label] / predicted;
  }

  public double recall(int label) {
    long actual = row(label);
    return actual == 0 ? 0.0 : (double) counts[label][label] / actual;
  }

  /** Mean F1 over the labels that occur as true or predicted; NaN for an empty matrix. */
  public double macroF1() {
    double sum = 0;
    int present = 0;
    for (int c = 0; c < counts.length; c++) {
      if (row(c) + column(c) > 0) {
        sum += f1(c);
        present++;
      }
    }
    return present == 0 ? Double.NaN : sum / present;
  }

  /**
   * Flat metric keys for {@code metrics.jsonl} and {@code evaluate}: {@code
   * confusion.<true>.<predicted>} counts, in label order.
   */
  public Map<String, Double> flat() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int g = 0; g < counts.length; g++) {
      for (int p = 0; p < counts.length; p++) {
        out.put("confusion." + labels.get(g) + "." + labels.get(p), (double) counts[g][p]);
      }
    }
    return out;
  }

  /** The matrix as aligned text: a header of predicted labels, one row per true label. */
  public String table() {
    int width = 6;
    for (String l : labels) {
      width = Math.max(width, l.length());
    }
    for (long[] row : counts) {
      for (long v : row) {
        width = Math.max(width, Long.toString(v).length());
      }
    }
    String cell = "%" + (width + 2) + "s";
    StringBuilder sb = new StringBuilder(String.format("%-" + (width + 2) + "s", "true\\pred"));
    for (String l : labels) {
      sb.append(String.format(cell, l));
    }
    sb.append('\n');
    for (int g = 0; g < counts.length; g++) {
      sb.append(String.format("%-" + (width + 2) + "s", labels.get(g)));
      for (int p = 0; p < counts.length; p++) {
        sb.append(String.format(cell, counts[g][p]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private long row(int label) {
    long n = 0;
    for (long v : counts[label]) {
      n += v;
    }
    return n;
  }

  private long column(int label) {
    long n = 0;
    for (long[] row : counts) {
      n += row[label];
    }
    return n;
  }
}
