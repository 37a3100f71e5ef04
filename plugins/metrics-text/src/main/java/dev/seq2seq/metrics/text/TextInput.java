package dev.seq2seq.metrics.text;

import java.util.List;

/** The shape checks every text metric makes before scoring. */
final class TextInput {
  private TextInput() {}

  static void check(List<String> hypotheses, List<List<String>> referenceSets) {
    if (referenceSets.isEmpty()) {
      throw new IllegalArgumentException("at least one reference set is needed");
    }
    for (int r = 0; r < referenceSets.size(); r++) {
      int n = referenceSets.get(r).size();
      if (n != hypotheses.size()) {
        throw new IllegalArgumentException(
            "reference set " + (r + 1) + " has " + n + " segments but there are "
                + hypotheses.size() + " hypotheses");
      }
    }
  }
}
