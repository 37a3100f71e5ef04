package dev.seq2seq.nativebackend;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * The native backend's worker threads. Kernels split independent work into contiguous ranges;
 * with one thread everything runs on the caller, so single-threaded runs have no scheduling cost.
 */
public final class Parallelism implements AutoCloseable {

  /** A body of work over the index range {@code [from, to)}. */
  @FunctionalInterface
  public interface RangeBody {
    void run(int from, int to);
  }

  private final int threads;
  private final ForkJoinPool pool;

  public Parallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
    this.pool = threads == 1 ? null : new ForkJoinPool(threads);
  }

  public int threads() {
    return threads;
  }

  /**
   * Runs {@code body} over {@code [0, n)} split into at most {@code threads} contiguous chunks of
   * at least {@code grain} indices each.
   */
  public void forRange(int n, int grain, RangeBody body) {
    int chunks = Math.min(threads, Math.max(1, n / Math.max(1, grain)));
    if (chunks <= 1 || pool == null || ForkJoinTask.getPool() == pool) {
      if (n > 0) {
        body.run(0, n);
      }
      return;
    }
    pool.invoke(new Split(body, n, chunks, 0, chunks));
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }

  private static final class Split extends RecursiveAction {
    private static final long serialVersionUID = 1L;
    private final transient RangeBody body;
    private final int n;
    private final int chunks;
    private final int lo;
    private final int hi;

    Split(RangeBody body, int n, int chunks, int lo, int hi) {
      this.body = body;
      this.n = n;
      this.chunks = chunks;
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    protected void compute() {
      if (hi - lo == 1) {
        int from = (int) ((long) n * lo / chunks);
        int to = (int) ((long) n * hi / chunks);
        body.run(from, to);
        return;
      }
      int mid = (lo + hi) >>> 1;
      invokeAll(new Split(body, n, chunks, lo, mid), new Split(body, n, chunks, mid, hi));
    }
  }
}
