package dev.seq2seq.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A padded batch through PyTorch's fused operators, which take no lengths: what PyTorch's
 * {@code pack_padded_sequence} does, by hand. Per layer and direction the batch is sorted by
 * length, and the fused op runs once per distinct length over the time span in which the same
 * sequences are still active, carrying the state of those that go on; a sequence's final state
 * is taken where it ends. The reverse direction runs forward over each sequence reversed within
 * its own length (a gather with an involutive index), so it starts at the last valid step.
 */
final class PackedRecurrence {
  private final NDManager manager;
  private final RecurrentSpec spec;
  private final int[] lengths;
  private final int time;
  /** Sorted position to batch row, longest first; and its inverse. */
  private final long[] order;
  private final long[] inverse;
  private final int[] sortedLengths;

  PackedRecurrence(NDManager manager, RecurrentSpec spec, int[] lengths, int time) {
    this.manager = manager;
    this.spec = spec;
    this.lengths = lengths;
    this.time = time;
    Integer[] rows = new Integer[lengths.length];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    Arrays.sort(rows, Comparator.comparingInt((Integer i) -> -lengths[i]));
    order = new long[rows.length];
    inverse = new long[rows.length];
    sortedLengths = new int[rows.length];
    for (int p = 0; p < rows.length; p++) {
      order[p] = rows[p];
      inverse[rows[p]] = p;
      sortedLengths[p] = lengths[rows[p]];
    }
  }

  /** {@code [output, h_n]} or {@code [output, h_n, c_n]}, as the fused call returns them. */
  NDList run(NDArray x, NDArray h0, NDArray c0, NDList params) {
    int dirs = spec.directions();
    NDArray reverse = dirs == 2 ? reversalIndex() : null;
    NDArray layerInput = x;
    List<NDArray> hN = new ArrayList<>();
    List<NDArray> cN = new ArrayList<>();
    for (int l = 0; l < spec.layers(); l++) {
      List<NDArray> outputs = new ArrayList<>(dirs);
      for (int d = 0; d < dirs; d++) {
        int k = l * dirs + d;
        NDArray in = d == 0 ? layerInput : alongTime(layerInput, reverse);
        NDList p = new NDList(params.subList(4 * k, 4 * k + 4));
        NDArray[] r = direction(in, h0.get(k), c0 == null ? null : c0.get(k), p);
        outputs.add(d == 0 ? r[0] : alongTime(r[0], reverse));
        hN.add(r[1]);
        if (c0 != null) {
          cN.add(r[2]);
        }
      }
      layerInput = cat(outputs, 2);
    }
    NDList result = new NDList(layerInput, NDArrays.stack(new NDList(hN), 0));
    if (c0 != null) {
      result.add(NDArrays.stack(new NDList(cN), 0));
    }
    return result;
  }

  /** One layer and direction: {@code [output, h, c]} in batch order. */
  private NDArray[] direction(NDArray x, NDArray h0, NDArray c0, NDList params) {
    int batch = lengths.length;
    NDArray xs = rows(x, order);
    NDArray h = rows(h0, order);
    NDArray c = c0 == null ? null : rows(c0, order);
    List<NDArray> chunks = new ArrayList<>();
    List<NDArray> endedH = new ArrayList<>();
    List<NDArray> endedC = new ArrayList<>();
    int active = count(0);
    if (active < batch) { // empty sequences end where they start
      endedH.add(range(h, active, batch));
      if (c != null) {
        endedC.add(range(c, active, batch));
      }
    }
    h = range(h, 0, active);
    c = c == null ? null : range(c, 0, active);
    int t = 0;
    while (active > 0) {
      int end = sortedLengths[active - 1];
      NDArray span = range(xs, 0, active).get(new NDIndex().addAllDim().addSliceDim(t, end));
      NDList r = DjlRecurrent.fused(spec.cell(), span, h.expandDims(0),
          c == null ? null : c.expandDims(0), params, 1, false);
      chunks.add(padRows(r.get(0), batch - active));
      int next = count(end);
      NDArray hEnd = r.get(1).squeeze(0);
      endedH.add(range(hEnd, next, active));
      h = range(hEnd, 0, next);
      if (c != null) {
        NDArray cEnd = r.get(2).squeeze(0);
        endedC.add(range(cEnd, next, active));
        c = range(cEnd, 0, next);
      }
      t = end;
      active = next;
    }
    if (t < time) {
      chunks.add(manager.zeros(Shapes.djl(batch, time - t, spec.hiddenSize()), x.getDataType()));
    }
    // Sequences ended shortest first, so the ended blocks come in reverse sorted order.
    Collections.reverse(endedH);
    Collections.reverse(endedC);
    return new NDArray[] {
      rows(cat(chunks, 1), inverse),
      rows(cat(endedH, 0), inverse),
      c0 == null ? null : rows(cat(endedC, 0), inverse)
    };
  }

  /** How many sequences (a prefix in sorted order) are longer than {@code t}. */
  private int count(int t) {
    int n = 0;
    while (n < sortedLengths.length && sortedLengths[n] > t) {
      n++;
    }
    return n;
  }

  private NDArray padRows(NDArray a, int missing) {
    if (missing == 0) {
      return a;
    }
    ai.djl.ndarray.types.Shape s = a.getShape();
    NDArray zeros = manager.zeros(new ai.djl.ndarray.types.Shape(missing, s.get(1), s.get(2)),
        a.getDataType());
    return NDArrays.concat(new NDList(a, zeros), 0);
  }

  /** {@code index[b, t] = t < len ? len - 1 - t : t}: reverses each sequence within its length. */
  private NDArray reversalIndex() {
    long[] idx = new long[lengths.length * time];
    for (int b = 0; b < lengths.length; b++) {
      for (int t = 0; t < time; t++) {
        idx[b * time + t] = t < lengths[b] ? lengths[b] - 1 - t : t;
      }
    }
    return HostData.owned(manager.create(idx, Shapes.djl(lengths.length, time, 1)));
  }

  private static NDArray alongTime(NDArray a, NDArray index) {
    return a.gather(index.broadcast(a.getShape()), 1);
  }

  /** Rows of {@code a} picked along axis 0, differentiably (an embedding lookup). */
  private NDArray rows(NDArray a, long[] picks) {
    ai.djl.ndarray.types.Shape s = a.getShape();
    NDArray ids = HostData.owned(manager.create(picks));
    NDArray flat = a.reshape(s.get(0), -1);
    NDArray picked = JniUtils.embedding((PtNDArray) ids, (PtNDArray) flat, false);
    long[] dims = s.getShape();
    dims[0] = picks.length;
    return picked.reshape(new ai.djl.ndarray.types.Shape(dims));
  }

  private static NDArray range(NDArray a, int from, int to) {
    return a.get(new NDIndex().addSliceDim(from, to));
  }

  /** Concatenation that never calls DJL's one-array path (a clone under no_grad). */
  private static NDArray cat(List<NDArray> parts, int axis) {
    return parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), axis);
  }
}
