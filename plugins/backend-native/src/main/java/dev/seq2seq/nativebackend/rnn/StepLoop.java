package dev.seq2seq.nativebackend.rnn;

import dev.seq2seq.nativebackend.Parallelism;
import dev.seq2seq.nativebackend.gemm.Sgemm;

/**
 * The sequential part of a layer: the time loop, for one or both directions at once.
 *
 * <p>Each step is a recurrent GEMM ({@code [B, H] x [H, G*H]} forward, {@code [B, G*H] x [G*H,
 * H]} backward) and the element-wise cell math of every sequence. With two directions each
 * thread takes whole directions (sequences split further if there are more threads) and runs
 * all their steps, both parts, so the threads meet once per layer. With one direction the GEMM is
 * called for the whole batch from this thread, so that {@link Sgemm} splits it by columns and
 * each thread reads only its half of {@code W_hh} (from panels packed once per weight version up
 * to {@link Sgemm#PACKED_MAX_ROWS} sequences, packed per step beyond); then the cell math is
 * split by sequence.
 */
final class StepLoop {
  /** Fewest sequences per range: below this the fork costs more than the rows it saves. */
  static final int ROW_GRAIN = 8;

  private StepLoop() {}

  static void forward(DirectionRun[] runs, Cell cell, Sgemm gemm, Parallelism parallelism) {
    if (runs.length == 1) {
      DirectionRun run = runs[0];
      for (int s = 0; s < run.time; s++) {
        final int step = s;
        forwardProduct(run, gemm, step, 0, run.batch);
        parallelism.forRange(
            run.batch, ROW_GRAIN, (b0, b1) -> forwardCells(run, cell, step, b0, b1));
      }
      return;
    }
    // Directions, and sequences within one, never read each other's state: each thread runs
    // the whole time loop for its items, with no meeting per step.
    forEachRange(runs, parallelism, (run, b0, b1) -> {
      for (int s = 0; s < run.time; s++) {
        forwardProduct(run, gemm, s, b0, b1);
        forwardCells(run, cell, s, b0, b1);
      }
    });
  }

  static void backward(DirectionRun[] runs, Cell cell, Sgemm gemm, Parallelism parallelism) {
    int time = runs[0].time;
    if (runs.length == 1) {
      DirectionRun run = runs[0];
      for (int s = 0; s < time; s++) {
        // Backward visits the steps in the opposite order: forward step time-1-s.
        final int step = time - 1 - s;
        parallelism.forRange(
            run.batch, ROW_GRAIN, (b0, b1) -> backwardCells(run, cell, step, b0, b1));
        backwardProduct(run, gemm, step, 0, run.batch);
      }
      return;
    }
    forEachRange(runs, parallelism, (run, b0, b1) -> {
      for (int step = time - 1; step >= 0; step--) {
        backwardCells(run, cell, step, b0, b1);
        backwardProduct(run, gemm, step, b0, b1);
      }
    });
  }

  /** {@code hh = h W_hh^T} of forward step {@code s} for sequences {@code [b0, b1)}. */
  private static void forwardProduct(DirectionRun run, Sgemm gemm, int s, int b0, int b1) {
    int t = run.timeAt(s);
    int lo = firstActive(run, t, b0, b1);
    int hi = lastActive(run, t, b0, b1) + 1;
    if (lo >= hi) {
      return; // every sequence here has ended: nothing to do, the state carries over
    }
    final int H = run.hidden;
    final int GH = run.gateWidth;
    if (run.hPrev != null) {
      for (int b = lo; b < hi; b++) {
        System.arraycopy(run.h, b * H, run.hPrev, (b * run.time + t) * H, H);
      }
    }
    // hh[lo:hi] = h[lo:hi] W_hh^T                      [rows, H] x [H, G*H] -> [rows, G*H]
    if (run.packedHh != null && hi - lo <= Sgemm.PACKED_MAX_ROWS) {
      // Up to a batch of sequences (one recording, a decoder step, a training batch's direction):
      // W_hh^T read from panels packed once per weight version instead of on every step.
      gemm.multiplyPacked(hi - lo, GH, H, run.h, lo * H, H, run.wHh, run.packedHh.get(), 0f,
          run.hh, lo * GH, GH);
    } else {
      gemm.multiply(false, true, hi - lo, GH, H, 1f, run.h, lo * H, H, run.wHh, 0, H, 0f, run.hh,
          lo * GH, GH);
    }
  }

  /** The cell math of forward step {@code s} for sequences {@code [b0, b1)}. */
  private static void forwardCells(DirectionRun run, Cell cell, int s, int b0, int b1) {
    int t = run.timeAt(s);
    for (int b = b0; b < b1; b++) {
      if (run.active(b, t)) {
        cell.forward(run, b, t);
      }
    }
  }

  /** The cell math of the backward of forward step {@code s}, sequences {@code [b0, b1)}. */
  private static void backwardCells(DirectionRun run, Cell cell, int s, int b0, int b1) {
    int t = run.timeAt(s);
    final int H = run.hidden;
    float[] dh = run.dh;
    for (int b = b0; b < b1; b++) {
      if (!run.active(b, t)) {
        continue; // padded step: dh and dc pass through unchanged
      }
      // dh' = dh (from step t+1, or dhN) + dOutput[b, t, slice]
      if (run.dOutput != null) {
        int oi = (b * run.time + t) * run.outputWidth + run.outputOffset;
        for (int j = 0; j < H; j++) {
          dh[b * H + j] += run.dOutput[oi + j];
        }
      }
      cell.backward(run, b, t);
    }
  }

  /** {@code dh += dGatesH_t W_hh} for the active sequences among {@code [b0, b1)}. */
  private static void backwardProduct(DirectionRun run, Sgemm gemm, int s, int b0, int b1) {
    int t = run.timeAt(s);
    int lo = firstActive(run, t, b0, b1);
    int hi = lastActive(run, t, b0, b1) + 1;
    if (lo >= hi) {
      return;
    }
    final int H = run.hidden;
    final int GH = run.gateWidth;
    final int T = run.time;
    // dhScratch[lo:hi] = dGatesH[lo:hi, t] W_hh        [rows, G*H] x [G*H, H] -> [rows, H]
    // (rows of step t are T*G*H apart; inactive rows there are zero and are not used)
    gemm.multiply(
        false, false, hi - lo, H, GH, 1f, run.dGatesH, (lo * T + t) * GH, T * GH, run.wHh, 0, H,
        0f, run.dhScratch, lo * H, H);
    float[] dh = run.dh;
    float[] scratch = run.dhScratch;
    for (int b = lo; b < hi; b++) {
      if (run.active(b, t)) {
        for (int j = 0; j < H; j++) {
          dh[b * H + j] += scratch[b * H + j];
        }
      }
    }
  }

  private static int firstActive(DirectionRun run, int t, int b0, int b1) {
    int b = b0;
    while (b < b1 && !run.active(b, t)) {
      b++;
    }
    return b;
  }

  private static int lastActive(DirectionRun run, int t, int b0, int b1) {
    int b = b1 - 1;
    while (b >= b0 && !run.active(b, t)) {
      b--;
    }
    return b;
  }

  private interface RowsBody {
    void run(DirectionRun run, int b0, int b1);
  }

  /**
   * Runs {@code body} over all (direction, sequence) items, split among the threads. The grain
   * never exceeds one direction's sequences, so a single sequence's two directions still run on
   * two threads (batch-1 transcription).
   */
  private static void forEachRange(DirectionRun[] runs, Parallelism parallelism, RowsBody body) {
    int batch = runs[0].batch;
    parallelism.forRange(
        runs.length * batch,
        Math.min(ROW_GRAIN, batch),
        (from, to) -> {
          for (int d = 0; d < runs.length; d++) {
            int b0 = Math.max(from - d * batch, 0);
            int b1 = Math.min(to - d * batch, batch);
            if (b0 < b1) {
              body.run(runs[d], b0, b1);
            }
          }
        });
  }
}
