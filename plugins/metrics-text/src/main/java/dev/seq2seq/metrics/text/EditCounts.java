package dev.seq2seq.metrics.text;

/**
 * The edit operations of one minimum-cost Levenshtein alignment of a hypothesis to its
 * reference (unit costs), as counts.
 *
 * <p>The total {@code substitutions + deletions + insertions} is the edit distance whichever
 * alignment is chosen; its split is not (reference "a b", hypothesis "b c" is two substitutions
 * or a deletion and an insertion). Ties are broken cell by cell in favour of the diagonal
 * (match or substitution), then a deletion, then an insertion, so substitutions win, as in
 * jiwer on that example.
 */
record EditCounts(long hits, long substitutions, long deletions, long insertions) {
  static final EditCounts ZERO = new EditCounts(0, 0, 0, 0);

  long errors() {
    return substitutions + deletions + insertions;
  }

  long referenceLength() {
    return hits + substitutions + deletions;
  }

  long hypothesisLength() {
    return hits + substitutions + insertions;
  }

  EditCounts plus(EditCounts o) {
    return new EditCounts(
        hits + o.hits, substitutions + o.substitutions, deletions + o.deletions,
        insertions + o.insertions);
  }

  /**
   * Aligns token ids. Two rows of the dynamic programme carry, per cell, the cost and the counts
   * of the path that reached it, so memory is linear in the hypothesis length and lines of any
   * length can be scored.
   */
  static EditCounts align(int[] ref, int[] hyp) {
    int m = hyp.length;
    // Per cell: cost, substitutions, deletions, insertions (hits follow from the lengths).
    long[] prev = new long[4 * (m + 1)];
    long[] cur = new long[4 * (m + 1)];
    for (int j = 0; j <= m; j++) {
      prev[4 * j] = j;
      prev[4 * j + 3] = j; // an empty reference: every hypothesis token inserted
    }
    for (int i = 1; i <= ref.length; i++) {
      cur[0] = i;
      cur[1] = 0;
      cur[2] = i; // an empty hypothesis: every reference token deleted
      cur[3] = 0;
      for (int j = 1; j <= m; j++) {
        boolean same = ref[i - 1] == hyp[j - 1];
        long diag = prev[4 * (j - 1)] + (same ? 0 : 1);
        long del = prev[4 * j] + 1;
        long ins = cur[4 * (j - 1)] + 1;
        int at = 4 * j;
        if (diag <= del && diag <= ins) {
          copy(prev, 4 * (j - 1), cur, at);
          cur[at] = diag;
          cur[at + 1] += same ? 0 : 1;
        } else if (del <= ins) {
          copy(prev, 4 * j, cur, at);
          cur[at] = del;
          cur[at + 2]++;
        } else {
          copy(cur, 4 * (j - 1), cur, at);
          cur[at] = ins;
          cur[at + 3]++;
        }
      }
      long[] t = prev;
      prev = cur;
      cur = t;
    }
    int at = 4 * m;
    long s = prev[at + 1];
    long d = prev[at + 2];
    long ins = prev[at + 3];
    return new EditCounts(ref.length - s - d, s, d, ins);
  }

  private static void copy(long[] from, int i, long[] to, int j) {
    System.arraycopy(from, i, to, j, 4);
  }
}
