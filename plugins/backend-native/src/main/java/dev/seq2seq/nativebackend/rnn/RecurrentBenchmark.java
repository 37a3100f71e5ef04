package dev.seq2seq.nativebackend.rnn;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.nativebackend.Parallelism;
import dev.seq2seq.nativebackend.gemm.Sgemm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Throughput of one fused recurrent layer, forward + backward, at a fixed size (by default
 * batch 64, input 256, hidden 256, 30 steps, 2 threads): LSTM and GRU, uni- and bidirectional.
 * Each configuration is warmed up, then timed several times; the best time is the headline
 * (least disturbed by other processes), the median and worst show the spread.
 *
 * <p>Run with {@code java --add-modules jdk.incubator.vector -cp ... RecurrentBenchmark [--threads
 * N] [--warmup N] [--repeats N] [--batch N] [--input N] [--hidden N] [--time N]}; {@link #run}
 * gives the same results to a caller such as a {@code bench} command.
 */
public final class RecurrentBenchmark {

  /** The size and effort of a run. */
  public record Options(
      int batch, int input, int hidden, int time, int threads, int warmup, int repeats) {
    public static Options defaults() {
      return new Options(64, 256, 256, 30, 2, 2, 5);
    }
  }

  /**
   * One configuration's timings, in milliseconds per forward + backward of the whole batch;
   * {@code forwardMs} is the best forward alone (with the cache kept).
   */
  public record Result(
      CellType cell,
      boolean bidirectional,
      Options options,
      double forwardMs,
      double bestMs,
      double medianMs,
      double worstMs) {

    public double sequencesPerSecond() {
      return options.batch() * 1000.0 / bestMs;
    }

    public String describe() {
      return String.format(
          Locale.ROOT,
          "%-4s %-5s fwd %8.2f ms | fwd+bwd best %8.2f  median %8.2f  worst %8.2f ms | %8.0f seq/s",
          cell.shortName(), bidirectional ? "bi" : "uni", forwardMs, bestMs, medianMs, worstMs,
          sequencesPerSecond());
    }
  }

  private RecurrentBenchmark() {}

  /** LSTM and GRU, unidirectional then bidirectional. */
  public static List<Result> run(Options options) {
    List<Result> results = new ArrayList<>();
    for (boolean bi : new boolean[] {false, true}) {
      for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU}) {
        results.add(measure(cell, bi, options));
      }
    }
    return results;
  }

  public static Result measure(CellType cell, boolean bidirectional, Options o) {
    RecurrentSpec spec = new RecurrentSpec(cell, o.input(), o.hidden(), 1, bidirectional);
    Random rnd = new Random(42);
    float scale = (float) (1 / Math.sqrt(o.hidden())); // PyTorch's default init range
    float[][] weights = new float[spec.weightNames().size()][];
    for (int k = 0; k < weights.length; k++) {
      weights[k] = random(rnd, Arrays.stream(spec.weightShape(k)).reduce(1, (a, b) -> a * b), scale);
    }
    float[] x = random(rnd, o.batch() * o.time() * o.input(), 1f);
    float[] dOut = random(rnd, o.batch() * o.time() * spec.outputSize(), 1f);

    try (Parallelism parallelism = new Parallelism(o.threads())) {
      RecurrentKernels kernels = new RecurrentKernels(new Sgemm(parallelism), parallelism);
      for (int i = 0; i < o.warmup(); i++) {
        step(kernels, spec, x, weights, dOut, o);
      }
      double[] total = new double[o.repeats()];
      double forward = Double.MAX_VALUE;
      for (int i = 0; i < o.repeats(); i++) {
        long t0 = System.nanoTime();
        RecurrentKernels.Forward f =
            kernels.forward(spec, x, o.batch(), o.time(), null, null, null, weights, true);
        long t1 = System.nanoTime();
        kernels.backward(f, dOut, null, null);
        long t2 = System.nanoTime();
        forward = Math.min(forward, (t1 - t0) / 1e6);
        total[i] = (t2 - t0) / 1e6;
      }
      Arrays.sort(total);
      return new Result(
          cell, bidirectional, o, forward, total[0], total[total.length / 2], total[total.length - 1]);
    }
  }

  private static void step(
      RecurrentKernels kernels, RecurrentSpec spec, float[] x, float[][] w, float[] dOut, Options o) {
    RecurrentKernels.Forward f =
        kernels.forward(spec, x, o.batch(), o.time(), null, null, null, w, true);
    kernels.backward(f, dOut, null, null);
  }

  private static float[] random(Random rnd, int n, float scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (rnd.nextFloat() * 2 - 1) * scale;
    }
    return a;
  }

  public static void main(String[] args) {
    Options d = Options.defaults();
    int[] v = {d.batch(), d.input(), d.hidden(), d.time(), d.threads(), d.warmup(), d.repeats()};
    List<String> names = List.of("--batch", "--input", "--hidden", "--time", "--threads", "--warmup", "--repeats");
    for (int i = 0; i < args.length; i++) {
      int k = names.indexOf(args[i]);
      if (k < 0 || i + 1 >= args.length) {
        System.err.println("usage: RecurrentBenchmark " + String.join(" N ", names) + " N");
        System.exit(2);
      }
      v[k] = Integer.parseInt(args[++i]);
    }
    Options o = new Options(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    System.out.println(o);
    for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU}) {
      for (boolean bi : new boolean[] {false, true}) {
        System.out.println(measure(cell, bi, o).describe());
      }
    }
  }
}
