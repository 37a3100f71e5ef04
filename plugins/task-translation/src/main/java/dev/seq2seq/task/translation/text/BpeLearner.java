package dev.seq2seq.task.translation.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Learns byte-pair-encoding merges (Sennrich et al. 2016) from word counts. Each word is its
 * characters followed by the end-of-word symbol {@link BpeModel#END}; the most frequent adjacent
 * pair is merged, repeatedly.
 *
 * <p>Only the words that contain the merged pair are touched per merge: pair counts are updated by
 * difference, an index maps each pair to the words containing it, and a heap with lazy deletion
 * finds the next best pair. A full recount per merge would be quadratic in practice (minutes on
 * Multi30K); this is seconds. Ties go to the pair whose left, then right, symbol sorts first
 * (string order), so the merges do not depend on hash order or input order.
 */
public final class BpeLearner {
  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private final int[][] words;
  private final long[] freq;
  private final Map<Long, Long> pairCounts = new HashMap<>();
  private final Map<Long, IntBag> where = new HashMap<>();
  private final PriorityQueue<Candidate> heap;

  private record Candidate(long count, long pair) {}

  private BpeLearner(Map<String, Long> wordCounts) {
    // Sorted so symbol ids (and so nothing observable, but debugging output) are reproducible.
    TreeMap<String, Long> sorted = new TreeMap<>(wordCounts);
    words = new int[sorted.size()][];
    freq = new long[sorted.size()];
    int w = 0;
    for (Map.Entry<String, Long> e : sorted.entrySet()) {
      words[w] = symbols(e.getKey());
      freq[w] = e.getValue();
      w++;
    }
    Comparator<Candidate> order = Comparator.comparingLong((Candidate c) -> -c.count)
        .thenComparing(c -> names.get(left(c.pair)))
        .thenComparing(c -> names.get(right(c.pair)));
    heap = new PriorityQueue<>(order);
    for (w = 0; w < words.length; w++) {
      int[] s = words[w];
      for (int i = 0; i + 1 < s.length; i++) {
        long p = pair(s[i], s[i + 1]);
        pairCounts.merge(p, freq[w], Long::sum);
        where.computeIfAbsent(p, k -> new IntBag()).add(w);
      }
    }
    pairCounts.forEach((p, c) -> heap.add(new Candidate(c, p)));
  }

  /**
   * At most {@code maxMerges} merges, in the order learned; stops early when no pair occurs at
   * least {@code minPairCount} times.
   */
  public static List<BpeModel.Merge> learn(Map<String, Long> wordCounts, int maxMerges, long minPairCount) {
    if (maxMerges < 0 || minPairCount < 1) {
      throw new IllegalArgumentException("maxMerges must be >= 0 and minPairCount >= 1");
    }
    return new BpeLearner(wordCounts).run(maxMerges, minPairCount);
  }

  private List<BpeModel.Merge> run(int maxMerges, long minPairCount) {
    List<BpeModel.Merge> merges = new ArrayList<>();
    int[] stamp = new int[words.length];
    Arrays.fill(stamp, -1);
    while (merges.size() < maxMerges) {
      Candidate best = heap.poll();
      if (best == null) {
        break;
      }
      Long current = pairCounts.get(best.pair);
      if (current == null || current != best.count) {
        continue; // stale entry: the count changed after it was queued
      }
      if (best.count < minPairCount) {
        break;
      }
      int a = left(best.pair);
      int b = right(best.pair);
      String merged = names.get(a) + names.get(b);
      int c = intern(merged);
      merges.add(new BpeModel.Merge(names.get(a), names.get(b)));
      Map<Long, Long> delta = new HashMap<>();
      IntBag bag = where.remove(best.pair);
      for (int k = 0; k < bag.size; k++) {
        int w = bag.data[k];
        if (stamp[w] == merges.size()) {
          continue; // listed twice
        }
        stamp[w] = merges.size();
        mergeWord(w, a, b, c, delta);
      }
      pairCounts.remove(best.pair);
      for (Map.Entry<Long, Long> d : delta.entrySet()) {
        if (d.getValue() == 0 || d.getKey() == best.pair) {
          continue;
        }
        long count = pairCounts.merge(d.getKey(), d.getValue(), Long::sum);
        if (count <= 0) {
          pairCounts.remove(d.getKey());
        } else {
          heap.add(new Candidate(count, d.getKey()));
        }
      }
    }
    return merges;
  }

  /** Replaces (a, b) by c left to right in word {@code w}, recording pair-count differences. */
  private void mergeWord(int w, int a, int b, int c, Map<Long, Long> delta) {
    int[] s = words[w];
    int[] out = new int[s.length];
    int n = 0;
    boolean changed = false;
    for (int i = 0; i < s.length; i++) {
      if (i + 1 < s.length && s[i] == a && s[i + 1] == b) {
        out[n++] = c;
        i++;
        changed = true;
      } else {
        out[n++] = s[i];
      }
    }
    if (!changed) {
      return; // the index can list words that lost the pair to an earlier merge
    }
    long f = freq[w];
    for (int i = 0; i + 1 < s.length; i++) {
      delta.merge(pair(s[i], s[i + 1]), -f, Long::sum);
    }
    for (int i = 0; i + 1 < n; i++) {
      long p = pair(out[i], out[i + 1]);
      delta.merge(p, f, Long::sum);
      if (out[i] == c || out[i + 1] == c) {
        where.computeIfAbsent(p, k -> new IntBag()).add(w); // other pairs are indexed already
      }
    }
    words[w] = Arrays.copyOf(out, n);
  }

  private int[] symbols(String word) {
    int[] cps = word.codePoints().toArray();
    int[] s = new int[cps.length + 1];
    for (int i = 0; i < cps.length; i++) {
      s[i] = intern(new String(Character.toChars(cps[i])));
    }
    s[cps.length] = intern(BpeModel.END);
    return s;
  }

  private int intern(String symbol) {
    Integer id = ids.get(symbol);
    if (id == null) {
      id = names.size();
      names.add(symbol);
      ids.put(symbol, id);
    }
    return id;
  }

  private static long pair(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  private static int left(long pair) {
    return (int) (pair >>> 32);
  }

  private static int right(long pair) {
    return (int) pair;
  }

  /** A growable list of word indices (duplicates allowed; the merge loop skips them). */
  private static final class IntBag {
    int[] data = new int[4];
    int size;

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }
  }
}
