package dev.seq2seq.task.speech.data;

import dev.seq2seq.task.speech.audio.Audio;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Connected digits built from FSDD: each sequence is 2–7 recordings of one speaker joined by
 * short random silences, transcribed as words ("three one four"). Sequences are drawn only from
 * the recordings they are given (the caller passes one split), and depend only on the seed, so
 * the corpus is regenerated identically instead of being stored.
 */
public final class ConnectedDigits {
  /** Amplitude of the faint noise in the gaps: real pauses are never digital silence. */
  private static final double DITHER = 1e-4;

  /**
   * How sequences are drawn.
   *
   * @param minDigits fewest recordings per sequence
   * @param maxDigits most recordings per sequence
   * @param minGapMs shortest silence before, between and after digits
   * @param maxGapMs longest silence
   */
  public record Shape(int minDigits, int maxDigits, double minGapMs, double maxGapMs) {
    public Shape {
      if (minDigits < 1 || maxDigits < minDigits) {
        throw new IllegalArgumentException("digits per sequence must satisfy 1 <= min <= max, got "
            + minDigits + ".." + maxDigits);
      }
      if (minGapMs < 0 || maxGapMs < minGapMs) {
        throw new IllegalArgumentException("gaps must satisfy 0 <= min <= max, got " + minGapMs
            + ".." + maxGapMs + " ms");
      }
    }
  }

  private ConnectedDigits() {}

  /**
   * {@code count} sequences from {@code pool}, deterministic in {@code seed}.
   *
   * @param name prefix of the generated ids ("train", "test")
   */
  public static List<Utterance> generate(
      List<FsddRecording> pool, int count, Shape shape, long seed, String name) {
    Map<String, List<FsddRecording>> bySpeaker = new TreeMap<>();
    for (FsddRecording r : pool) {
      bySpeaker.computeIfAbsent(r.speaker(), k -> new ArrayList<>()).add(r);
    }
    if (bySpeaker.isEmpty() && count > 0) {
      throw new IllegalArgumentException("no recordings to build " + name + " sequences from");
    }
    List<String> speakers = List.copyOf(bySpeaker.keySet());
    SplittableRandom rng = new SplittableRandom(seed);
    List<Utterance> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<FsddRecording> own = bySpeaker.get(speakers.get(rng.nextInt(speakers.size())));
      int n = shape.minDigits() + rng.nextInt(shape.maxDigits() - shape.minDigits() + 1);
      List<FsddRecording> parts = new ArrayList<>(n);
      double[] gapsMs = new double[n + 1];
      for (int k = 0; k < n; k++) {
        parts.add(own.get(rng.nextInt(own.size())));
      }
      for (int k = 0; k <= n; k++) {
        gapsMs[k] = shape.minGapMs() + rng.nextDouble() * (shape.maxGapMs() - shape.minGapMs());
      }
      long noiseSeed = rng.nextLong();
      StringBuilder text = new StringBuilder();
      StringBuilder id = new StringBuilder(name).append('-').append(i).append(':');
      for (FsddRecording p : parts) {
        text.append(text.isEmpty() ? "" : " ").append(p.word());
        id.append(' ').append(p.file().getFileName());
      }
      out.add(new Utterance(id.toString(), text.toString(), rate -> join(parts, gapsMs, noiseSeed, rate)));
    }
    return out;
  }

  /** The recordings at {@code rate} with the gaps between, before and after them. */
  static Audio join(List<FsddRecording> parts, double[] gapsMs, long noiseSeed, int rate)
      throws IOException {
    List<float[]> pieces = new ArrayList<>(parts.size());
    int total = 0;
    for (FsddRecording p : parts) {
      float[] s = p.load(rate).samples();
      pieces.add(s);
      total += s.length;
    }
    int[] gaps = new int[gapsMs.length];
    for (int k = 0; k < gaps.length; k++) {
      gaps[k] = (int) Math.round(gapsMs[k] * rate / 1000.0);
      total += gaps[k];
    }
    float[] out = new float[total];
    SplittableRandom noise = new SplittableRandom(noiseSeed);
    int at = 0;
    for (int k = 0; k <= pieces.size(); k++) {
      for (int j = 0; j < gaps[k]; j++) {
        out[at++] = (float) ((noise.nextDouble() * 2 - 1) * DITHER);
      }
      if (k < pieces.size()) {
        System.arraycopy(pieces.get(k), 0, out, at, pieces.get(k).length);
        at += pieces.get(k).length;
      }
    }
    return new Audio(out, rate);
  }
}
