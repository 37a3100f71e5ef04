package dev.seq2seq.nativebackend.gemm;

import dev.seq2seq.nativebackend.Parallelism;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A quick throughput check of {@link Sgemm} against the plain i-k-j loop, on square sizes and on
 * the shapes recurrent training and decoding produce. It is a sanity benchmark for the command
 * line ({@code seq2seq bench gemm}); careful measurements use the JMH benchmark in the tests.
 *
 * <p>Each case is warmed up for a second, then timed in several repetitions of enough calls to
 * last about {@link #REPETITION_NANOS}; the best and the median repetition are reported, since
 * other load on the machine only ever makes a repetition slower.
 */
public final class GemmBenchmark {
  private static final long REPETITION_NANOS = 100_000_000L;
  private static final long WARMUP_NANOS = 1_000_000_000L;
  private static final int REPETITIONS = 7;
  private static final int[] SQUARE_SIZES = {256, 512, 1024};
  private static final int[][] RECURRENT_SHAPES = {
    {64, 1024, 256}, {1, 10_000, 512}, {64, 10_000, 512}
  };

  /** One measured case; throughput in GFLOP/s counting a multiply-add as two flops. */
  public record Result(
      String kernel, int m, int n, int k, int threads, double bestGflops, double medianGflops) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%-7s m=%-5d n=%-6d k=%-5d threads=%d  best %7.1f  median %7.1f GFLOP/s",
          kernel, m, n, k, threads, bestGflops, medianGflops);
    }
  }

  private GemmBenchmark() {}

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    run(threads, System.out::println);
  }

  /** Measures every case with {@code threads} workers, reporting each result as it completes. */
  public static List<Result> run(int threads, Consumer<Result> progress) {
    List<Result> results = new ArrayList<>();
    try (Parallelism parallelism = new Parallelism(threads)) {
      Sgemm gemm = new Sgemm(parallelism);
      for (int size : SQUARE_SIZES) {
        Case c = new Case(size, size, size);
        results.add(report(progress, measure("i-k-j", c, threads, () -> c.naive(parallelism))));
        results.add(report(progress, measure("vector", c, threads, () -> c.vector(gemm))));
      }
      for (int[] s : RECURRENT_SHAPES) {
        Case c = new Case(s[0], s[1], s[2]);
        results.add(report(progress, measure("vector", c, threads, () -> c.vector(gemm))));
      }
    }
    return results;
  }

  private static Result report(Consumer<Result> progress, Result r) {
    progress.accept(r);
    return r;
  }

  private static Result measure(String kernel, Case c, int threads, Runnable call) {
    double flops = 2.0 * c.m * c.n * c.k;
    // Warm up by time, not by count: the first calls run interpreted and would make any
    // count-based calibration far too small for the compiled code.
    long warmupStart = System.nanoTime();
    int warmupCalls = 0;
    while (System.nanoTime() - warmupStart < WARMUP_NANOS || warmupCalls < 3) {
      call.run();
      warmupCalls++;
    }
    long perCall = Math.max(1, (System.nanoTime() - warmupStart) / warmupCalls);
    int calls = (int) Math.max(1, Math.min(1_000_000, REPETITION_NANOS / perCall));
    double[] gflops = new double[REPETITIONS];
    for (int rep = 0; rep < REPETITIONS; rep++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        call.run();
      }
      gflops[rep] = flops * calls / (System.nanoTime() - t0);
    }
    Arrays.sort(gflops);
    return new Result(
        kernel, c.m, c.n, c.k, threads, gflops[REPETITIONS - 1], gflops[REPETITIONS / 2]);
  }

  /** Random operands for one shape: {@code C[m, n] = A[m, k] * B[k, n]}. */
  private static final class Case {
    private final int m;
    private final int n;
    private final int k;
    private final float[] a;
    private final float[] b;
    private final float[] c;

    Case(int m, int n, int k) {
      this.m = m;
      this.n = n;
      this.k = k;
      SplittableRandom rnd = new SplittableRandom(42);
      this.a = random(rnd, m * k);
      this.b = random(rnd, k * n);
      this.c = new float[m * n];
    }

    void vector(Sgemm gemm) {
      gemm.multiply(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
    }

    /** The textbook loop the JIT auto-vectorises, split over rows like the kernel is. */
    void naive(Parallelism parallelism) {
      parallelism.forRange(m, 16, (from, to) -> {
        for (int i = from; i < to; i++) {
          Arrays.fill(c, i * n, (i + 1) * n, 0f);
          for (int p = 0; p < k; p++) {
            float aip = a[i * k + p];
            int bRow = p * n;
            int cRow = i * n;
            for (int j = 0; j < n; j++) {
              c[cRow + j] += aip * b[bRow + j];
            }
          }
        }
      });
    }

    private static float[] random(SplittableRandom rnd, int length) {
      float[] x = new float[length];
      for (int i = 0; i < length; i++) {
        x[i] = (float) (rnd.nextDouble() * 2 - 1);
      }
      return x;
    }
  }
}
