package dev.seq2seq.nativebackend.gemm;

import dev.seq2seq.nativebackend.Parallelism;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of {@link Sgemm}; run it through JMH's runner on the test classpath, e.g. {@code
 * java --add-modules jdk.incubator.vector -cp <test classpath> org.openjdk.jmh.Main
 * SgemmJmhBenchmark}. Throughput in GFLOP/s is {@code 2*m*n*k / time}. Its name keeps it out of
 * surefire's unit-test includes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SgemmJmhBenchmark {
  /** {@code m x n x k}: square sizes, a recurrent step, and decoding projections. */
  @Param({"256x256x256", "512x512x512", "1024x1024x1024", "64x1024x256", "1x10000x512",
      "64x10000x512"})
  public String shape;

  @Param({"false", "true"})
  public boolean transB;

  @Param({"1", "2"})
  public int threads;

  private Parallelism parallelism;
  private Sgemm gemm;
  private int m;
  private int n;
  private int k;
  private float[] a;
  private float[] b;
  private float[] c;

  @Setup
  public void setUp() {
    String[] dims = shape.split("x");
    m = Integer.parseInt(dims[0]);
    n = Integer.parseInt(dims[1]);
    k = Integer.parseInt(dims[2]);
    SplittableRandom rnd = new SplittableRandom(7);
    a = random(rnd, m * k);
    b = random(rnd, k * n);
    c = new float[m * n];
    parallelism = new Parallelism(threads);
    gemm = new Sgemm(parallelism);
  }

  @TearDown
  public void tearDown() {
    parallelism.close();
  }

  @Benchmark
  public float[] multiply() {
    gemm.multiply(false, transB, m, n, k, 1f, a, 0, k, b, 0, transB ? k : n, 0f, c, 0, n);
    return c;
  }

  private static float[] random(SplittableRandom rnd, int length) {
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] = (float) (rnd.nextDouble() * 2 - 1);
    }
    return x;
  }
}
