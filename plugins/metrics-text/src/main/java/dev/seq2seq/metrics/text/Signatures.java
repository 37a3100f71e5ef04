package dev.seq2seq.metrics.text;

import java.util.ArrayList;
import java.util.List;

/** sacreBLEU 2.x signatures: {@code nrefs:N}, the metric's own fields, then {@code version}. */
final class Signatures {
  /**
   * The sacreBLEU release whose computation this plugin reproduces (and was checked against), so
   * that signatures stay comparable with scores sacreBLEU prints.
   */
  static final String SACREBLEU_VERSION = "2.6.0";

  private Signatures() {}

  static String format(int nrefs, String... fields) {
    List<String> parts = new ArrayList<>();
    parts.add("nrefs:" + nrefs);
    parts.addAll(List.of(fields));
    parts.add("version:" + SACREBLEU_VERSION);
    return String.join("|", parts);
  }
}
