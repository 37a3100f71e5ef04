package dev.seq2seq.nativebackend;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The native backend's worker threads. Kernels split independent work into contiguous ranges;
 * with one thread everything runs on the caller, so single-threaded runs have no scheduling cost.
 *
 * <p>The caller computes too: with {@code threads} threads the pool holds {@code threads - 1}
 * workers and the calling thread runs the first range itself. Batch-1 inference (one recording,
 * one sentence's beam) makes many small parallel calls, and each used to wait for one worker to
 * wake and then a second to steal half the work while the caller sat blocked; now a call costs
 * at most one hand-off. Which thread runs a range never changes what it computes.
 */
public final class Parallelism implements AutoCloseable {

  /** A body of work over the index range {@code [from, to)}. */
  @FunctionalInterface
  public interface RangeBody {
    void run(int from, int to);
  }

  /** Whether this (non-pool) thread is running a range: nested calls then run inline. */
  private static final ThreadLocal<boolean[]> INSIDE = ThreadLocal.withInitial(() -> new boolean[1]);

  private final int threads;
  private final ForkJoinPool pool;

  public Parallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
    this.pool = threads == 1 ? null : new ForkJoinPool(threads - 1);
  }

  public int threads() {
    return threads;
  }

  /**
   * Runs {@code body} over {@code [0, n)} split into at most {@code threads} contiguous chunks of
   * at least {@code grain} indices each. Called from inside a range (a nested call), it runs
   * inline on that thread.
   */
  public void forRange(int n, int grain, RangeBody body) {
    int chunks = Math.min(threads, Math.max(1, n / Math.max(1, grain)));
    if (chunks <= 1 || pool == null || ForkJoinTask.getPool() == pool || INSIDE.get()[0]) {
      if (n > 0) {
        body.run(0, n);
      }
      return;
    }
    ForkJoinTask<?>[] others = new ForkJoinTask<?>[chunks - 1];
    for (int c = 1; c < chunks; c++) {
      int from = bound(n, c, chunks);
      int to = bound(n, c + 1, chunks);
      others[c - 1] = pool.submit(() -> body.run(from, to));
    }
    boolean[] inside = INSIDE.get();
    inside[0] = true;
    Throwable failure = null;
    try {
      body.run(0, bound(n, 1, chunks));
    } catch (RuntimeException | Error e) {
      failure = e;
    } finally {
      inside[0] = false;
    }
    // Wait for every range even when one failed: none may still run once this returns.
    for (ForkJoinTask<?> task : others) {
      try {
        task.join();
      } catch (RuntimeException | Error e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }

  private static int bound(int n, int chunk, int chunks) {
    return (int) ((long) n * chunk / chunks);
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
