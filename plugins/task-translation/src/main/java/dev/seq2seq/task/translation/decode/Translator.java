package dev.seq2seq.task.translation.decode;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.nn.BeamSearch;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.GreedyDecoding;
import dev.seq2seq.recipe.DecodeConfig;
import dev.seq2seq.task.translation.model.MtSmallData;
import dev.seq2seq.task.translation.model.TranslationModel;
import dev.seq2seq.task.translation.text.TokenizerPair;
import dev.seq2seq.task.translation.text.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sentences in, translations out: tokenises, batches sentences of similar length, decodes each
 * batch greedily ({@link GreedyDecoding}, beam 1) or with {@link BeamSearch}, and detokenises, in
 * input order. A sentence's translation does not depend on the batch it shares: the search decides
 * per sentence and each sentence's maximum length is its own.
 */
public final class Translator {

  /** How to decode: the search options and how many sentences go through the model together. */
  public record Settings(BeamSearch.Options search, int batchSize) {
    public Settings {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
      }
    }

    public static Settings of(DecodeConfig decode) {
      return new Settings(
          new BeamSearch.Options(decode.beamSize(), decode.nbest(), decode.lengthPenalty(),
              decode.maxLengthRatio(), decode.maxLengthOffset()),
          decode.batchSize());
    }
  }

  /**
   * One output: its text, score (log-probability after the length penalty) and target ids
   * (end-of-sequence excluded).
   */
  public record Candidate(String text, double score, int[] ids) {}

  /**
   * @param text the best translation, detokenised
   * @param nbest the n-best list, best first (the first is {@code text})
   * @param sourceTokens the source as the model read it, framed by {@code <s> … </s>}
   * @param targetTokens the best output's tokens, then {@code </s>} when it finished
   * @param attention per target token the weights over the source tokens, or null
   */
  public record Translation(
      String text, double score, List<Candidate> nbest, List<String> sourceTokens,
      List<String> targetTokens, float[][] attention) {}

  private final Backend backend;
  private final TranslationModel model;
  private final TokenizerPair tokenizers;
  private final Vocabulary sourceVocabulary;
  private final Vocabulary targetVocabulary;

  public Translator(
      Backend backend, TranslationModel model, TokenizerPair tokenizers, Vocabulary sourceVocabulary,
      Vocabulary targetVocabulary) {
    this.backend = backend;
    this.model = model;
    this.tokenizers = tokenizers;
    this.sourceVocabulary = sourceVocabulary;
    this.targetVocabulary = targetVocabulary;
  }

  /** The framed source ids of a sentence. */
  public int[] encodeSource(String line) {
    return sourceVocabulary.encode(tokenizers.source().encode(line), true).ids();
  }

  /**
   * The log-probability the model gives {@code target} (output ids, end-of-sequence excluded) as
   * the translation of {@code source}: teacher forcing, so it scores any output, not only its own.
   */
  public double logProbability(String source, int[] target) {
    int[] framed = new int[target.length + 2];
    framed[0] = Vocabulary.BOS_ID;
    System.arraycopy(target, 0, framed, 1, target.length);
    framed[framed.length - 1] = Vocabulary.EOS_ID;
    MtSmallData.HostBatch host =
        new MtSmallData.HostBatch(List.of(encodeSource(source)), List.of(framed));
    try (TensorScope scope = backend.scope()) {
      double mean = model.loss(MtSmallData.toDevice(backend, host), ForwardMode.eval()).item();
      return -mean * host.targetTokens();
    }
  }

  /** Output ids of a translation's tokens (as {@link Translation#targetTokens}, without {@code </s>}). */
  public int[] targetIds(List<String> tokens) {
    return tokens.stream().filter(t -> !t.equals(Vocabulary.EOS)).mapToInt(targetVocabulary::id).toArray();
  }

  /** Translates {@code lines} (blank lines give empty translations), in order. */
  public List<Translation> translate(List<String> lines, Settings settings, boolean withAttention) {
    Translation[] out = new Translation[lines.size()];
    List<Integer> todo = new ArrayList<>();
    int[][] ids = new int[lines.size()][];
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        out[i] = new Translation("", 0.0, List.of(new Candidate("", 0.0, new int[0])), List.of(), List.of(),
            withAttention ? new float[0][] : null);
      } else {
        ids[i] = encodeSource(lines.get(i));
        todo.add(i);
      }
    }
    // Similar lengths together: less padding. The sort is stable, so the batches are a function
    // of the input only.
    todo.sort(Comparator.comparingInt(i -> ids[i].length));
    for (int from = 0; from < todo.size(); from += settings.batchSize()) {
      List<Integer> batch = todo.subList(from, Math.min(todo.size(), from + settings.batchSize()));
      List<int[]> sources = batch.stream().map(i -> ids[i]).toList();
      List<Translation> decoded = decode(sources, settings.search(), withAttention);
      for (int k = 0; k < batch.size(); k++) {
        out[batch.get(k)] = decoded.get(k);
      }
    }
    return Arrays.asList(out);
  }

  private List<Translation> decode(List<int[]> sources, BeamSearch.Options options, boolean withAttention) {
    try (TensorScope scope = backend.scope()) {
      int[] lengths = new int[sources.size()];
      Tensor ids = MtSmallData.pad(backend, sources, lengths);
      TranslationModel.Decoder decoder = neverPadOrStart(model.decoder(ids, lengths));
      int[] tokenCounts = Arrays.stream(lengths).map(n -> n - 2).toArray(); // unframed
      List<List<BeamSearch.Hypothesis>> results =
          options.beamSize() == 1
              ? greedy(decoder, tokenCounts, options, withAttention)
              : BeamSearch.search(tokenCounts, Vocabulary.BOS_ID, Vocabulary.EOS_ID,
                  targetVocabulary.size(), options, withAttention ? decoder : withoutAttention(decoder));
      List<Translation> out = new ArrayList<>(sources.size());
      for (int b = 0; b < sources.size(); b++) {
        out.add(translation(sources.get(b), results.get(b), withAttention));
      }
      return out;
    }
  }

  private Translation translation(int[] source, List<BeamSearch.Hypothesis> nbest, boolean withAttention) {
    List<Candidate> candidates = new ArrayList<>(nbest.size());
    for (BeamSearch.Hypothesis h : nbest) {
      candidates.add(new Candidate(text(h.tokens()), h.score(), h.tokens().clone()));
    }
    BeamSearch.Hypothesis best = nbest.get(0);
    List<String> sourceTokens = new ArrayList<>(source.length);
    for (int id : source) {
      sourceTokens.add(sourceVocabulary.token(id));
    }
    List<String> targetTokens = new ArrayList<>(best.tokens().length + 1);
    for (int id : best.tokens()) {
      targetTokens.add(targetVocabulary.token(id));
    }
    float[][] attention = withAttention ? best.attention() : null;
    if (attention != null && attention.length > targetTokens.size()) {
      targetTokens.add(Vocabulary.EOS);
      attention = Arrays.copyOf(attention, targetTokens.size());
    }
    return new Translation(candidates.get(0).text(), best.score(), List.copyOf(candidates),
        sourceTokens, targetTokens, attention);
  }

  /** Detokenised text of output ids; never holds a line break. */
  public String text(int[] tokens) {
    String s = tokenizers.target().decode(targetVocabulary.decode(tokens));
    return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 ? s.replaceAll("[\\r\\n]+", " ") : s;
  }

  /**
   * Greedy decoding as a one-best list: the batch runs to the longest row's limit, then each row
   * is cut at its own, so the result is what decoding the sentence alone gives.
   */
  private static List<List<BeamSearch.Hypothesis>> greedy(
      TranslationModel.Decoder decoder, int[] tokenCounts, BeamSearch.Options options,
      boolean withAttention) {
    int batch = tokenCounts.length;
    int[] limits = new int[batch];
    int maxSteps = 0;
    for (int b = 0; b < batch; b++) {
      limits[b] = (int) Math.ceil(options.maxLengthRatio() * tokenCounts[b]) + options.maxLengthOffset();
      maxSteps = Math.max(maxSteps, limits[b]);
    }
    List<float[]> chosen = new ArrayList<>(); // per step, each row's log-probability of its choice
    List<float[][]> weights = new ArrayList<>();
    List<int[]> decoded =
        GreedyDecoding.decode(batch, Vocabulary.BOS_ID, Vocabulary.EOS_ID, maxSteps + 1, previous -> {
          float[] logProbs = decoder.logProbs(previous);
          int v = logProbs.length / batch;
          int[] next = new int[batch];
          float[] best = new float[batch];
          for (int b = 0; b < batch; b++) {
            int argmax = 0;
            for (int k = 1; k < v; k++) {
              if (logProbs[b * v + k] > logProbs[b * v + argmax]) {
                argmax = k;
              }
            }
            next[b] = argmax;
            best[b] = logProbs[b * v + argmax];
          }
          chosen.add(best);
          if (withAttention) {
            weights.add(decoder.attention());
          }
          return next;
        });
    List<List<BeamSearch.Hypothesis>> out = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      int[] tokens = decoded.get(b);
      // Finished when end-of-sequence came within the limit; else cut at the limit.
      boolean finished = tokens.length <= limits[b] && tokens.length < chosen.size();
      int n = Math.min(tokens.length, limits[b]);
      int scored = finished ? n + 1 : n;
      double logProb = 0;
      for (int t = 0; t < scored; t++) {
        logProb += chosen.get(t)[b];
      }
      float[][] att = null;
      if (withAttention) {
        att = new float[scored][];
        for (int t = 0; t < scored; t++) {
          att[t] = weights.get(t)[b];
        }
      }
      double penalty = Math.pow((5.0 + n) / 6.0, options.lengthPenalty());
      out.add(List.of(new BeamSearch.Hypothesis(
          Arrays.copyOf(tokens, n), logProb, logProb / penalty, att)));
    }
    return out;
  }

  /**
   * Gives {@code <pad>} and {@code <s>} probability 0: the model never learned to avoid them (the
   * loss ignores padding targets), and an output holding them would be scored wrongly.
   */
  private static TranslationModel.Decoder neverPadOrStart(TranslationModel.Decoder decoder) {
    return new TranslationModel.Decoder() {
      @Override
      public float[] logProbs(int[] previous) {
        float[] lp = decoder.logProbs(previous);
        int v = lp.length / previous.length;
        for (int row = 0; row < previous.length; row++) {
          lp[row * v + Vocabulary.PAD_ID] = Float.NEGATIVE_INFINITY;
          lp[row * v + Vocabulary.BOS_ID] = Float.NEGATIVE_INFINITY;
        }
        return lp;
      }

      @Override
      public void reorder(int[] rows) {
        decoder.reorder(rows);
      }

      @Override
      public float[][] attention() {
        return decoder.attention();
      }
    };
  }

  private static BeamSearch.Step withoutAttention(TranslationModel.Decoder decoder) {
    return new BeamSearch.Step() {
      @Override
      public float[] logProbs(int[] previous) {
        return decoder.logProbs(previous);
      }

      @Override
      public void reorder(int[] rows) {
        decoder.reorder(rows);
      }
    };
  }
}
