package dev.seq2seq.task.translation.model;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.task.translation.corpus.CorpusReport;
import dev.seq2seq.task.translation.corpus.PairFilter;
import dev.seq2seq.task.translation.corpus.ParallelCorpus;
import dev.seq2seq.task.translation.text.Vocabulary;
import dev.seq2seq.task.translation.text.WordTokenizer;
import dev.seq2seq.task.translation.text.WordTokenizerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The mt-small data exactly as the peer prepares it: the first {@code pairs} Multi30K pairs,
 * lowercased word tokens, vocabularies of tokens seen twice, at most 50 tokens framed by {@code
 * <s> … </s>}, batches of pairs sorted by source length (the last partial batch dropped) in a
 * shuffled order.
 */
public final class MtSmallData {
  public static final int MAX_TOKENS = 50;

  /** Host-side batch: framed, unpadded id sequences. */
  public record HostBatch(List<int[]> sources, List<int[]> targets) {

    /** Target tokens after {@code <s>} (what the peer counts as trained tokens). */
    public int targetTokens() {
      return targets.stream().mapToInt(t -> t.length - 1).sum();
    }
  }

  /** A batch on a backend, in the shapes {@link MtSmallModel#loss} takes. */
  public record DeviceBatch(Tensor source, int[] lengths, List<Tensor> inputs, Tensor targets) {}

  private final Vocabulary sourceVocabulary;
  private final Vocabulary targetVocabulary;
  private final List<HostBatch> batches;
  private final List<int[]> test;

  private MtSmallData(Vocabulary sv, Vocabulary tv, List<HostBatch> batches, List<int[]> test) {
    this.sourceVocabulary = sv;
    this.targetVocabulary = tv;
    this.batches = batches;
    this.test = test;
  }

  /**
   * @param folder the Multi30K folder ({@code train.de.gz}, {@code test_2016_flickr.de.gz} …)
   * @param pairs training pairs read from the start of train
   * @param batchSize pairs per batch
   * @param testSentences test sources read for decoding
   * @param seed batch-order shuffle seed
   */
  public static MtSmallData load(Path folder, int pairs, int batchSize, int testSentences, long seed) {
    WordTokenizer words = new WordTokenizerConfig(true).tokenizer();
    List<List<String>> de = new ArrayList<>();
    List<List<String>> en = new ArrayList<>();
    ParallelCorpus train =
        ParallelCorpus.lines(folder.resolve("train.de.gz"), folder.resolve("train.en.gz")).limit(pairs);
    CorpusReport report = train.read(PairFilter.emptyOnly(), p -> {
      de.add(words.encode(p.source()));
      en.add(words.encode(p.target()));
    });
    if (report.kept() != pairs) {
      throw new IllegalStateException("expected " + pairs + " pairs, kept " + report.kept());
    }
    Vocabulary sv = Vocabulary.build(de, 2, Integer.MAX_VALUE);
    Vocabulary tv = Vocabulary.build(en, 2, Integer.MAX_VALUE);
    List<int[]> src = de.stream().map(s -> frame(sv, s)).toList();
    List<int[]> tgt = en.stream().map(s -> frame(tv, s)).toList();

    // Stable sort by source length, as Python's sorted() in the peer.
    List<Integer> order = new ArrayList<>(IntStream.range(0, src.size()).boxed().toList());
    order.sort(Comparator.comparingInt(i -> src.get(i).length));
    List<HostBatch> batches = new ArrayList<>();
    for (int k = 0; k + batchSize <= order.size(); k += batchSize) {
      List<Integer> idx = order.subList(k, k + batchSize);
      batches.add(new HostBatch(
          idx.stream().map(src::get).toList(), idx.stream().map(tgt::get).toList()));
    }
    Collections.shuffle(batches, new Random(seed));

    List<int[]> test = new ArrayList<>();
    for (String line : ParallelCorpus.lines(
            folder.resolve("test_2016_flickr.de.gz"), folder.resolve("test_2016_flickr.en.gz"))
        .limit(testSentences).sources()) {
      test.add(frame(sv, words.encode(line)));
    }
    return new MtSmallData(sv, tv, List.copyOf(batches), List.copyOf(test));
  }

  private static int[] frame(Vocabulary v, List<String> tokens) {
    return v.encode(tokens.subList(0, Math.min(MAX_TOKENS, tokens.size())), true).ids();
  }

  public Vocabulary sourceVocabulary() {
    return sourceVocabulary;
  }

  public Vocabulary targetVocabulary() {
    return targetVocabulary;
  }

  public List<HostBatch> batches() {
    return batches;
  }

  /** Framed test sources, in file order. */
  public List<int[]> test() {
    return test;
  }

  /** Pads {@code sequences} with 0 into INT32 {@code [B, T]}; fills {@code lengths}. */
  public static Tensor pad(Backend backend, List<int[]> sequences, int[] lengths) {
    int batch = sequences.size();
    int time = sequences.stream().mapToInt(s -> s.length).max().orElse(0);
    int[] ids = new int[batch * time];
    for (int b = 0; b < batch; b++) {
      int[] s = sequences.get(b);
      System.arraycopy(s, 0, ids, b * time, s.length);
      lengths[b] = s.length;
    }
    return backend.ofInts(ids, batch, time);
  }

  /** Teacher forcing: step {@code t} reads {@code y[t]} and predicts {@code y[t+1]}. */
  public static DeviceBatch toDevice(Backend backend, HostBatch host) {
    int batch = host.sources().size();
    int[] lengths = new int[batch];
    Tensor source = pad(backend, host.sources(), lengths); // [B, S]
    int steps = host.targets().stream().mapToInt(t -> t.length).max().orElse(1) - 1;
    int[] targets = new int[batch * steps]; // [B * T], 0 = padding, ignored by the loss
    List<Tensor> inputs = new ArrayList<>(steps);
    for (int t = 0; t < steps; t++) {
      int[] column = new int[batch];
      for (int b = 0; b < batch; b++) {
        int[] y = host.targets().get(b);
        if (t + 1 < y.length) {
          column[b] = y[t];
          targets[b * steps + t] = y[t + 1];
        }
      }
      inputs.add(backend.ofInts(column, batch)); // [B]
    }
    return new DeviceBatch(source, lengths, inputs, backend.ofInts(targets, batch * steps));
  }
}
