package dev.seq2seq.nativebackend.rnn;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.nativebackend.gemm.PackedB;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * One direction of one layer: its weights, the activations it caches for the backward pass, and
 * its running state. The cell files ({@link LstmCell}, {@link GruCell}, {@link SimpleRnnCell})
 * read and write these buffers one row {@code (b, t)} at a time.
 *
 * <p>Row {@code (b, t)} of a {@code [B, T, X]} buffer starts at {@code (b * T + t) * X}: the same
 * order as the input and output, so the input projection and the weight gradients are single
 * GEMMs over all {@code B*T} rows. A step at {@code t >= lengths[b]} is inactive: it leaves the
 * state alone, writes no output and has a zero gate gradient, which is how padding is kept out
 * of every result.
 */
final class DirectionRun {
  final CellType cell;
  final boolean reverse;
  final int batch;
  final int time;
  final int hidden;
  /** {@code G*H}: the width of one row of gates. */
  final int gateWidth;
  final int inputSize;
  final int[] lengths;

  final float[] wIh; // [G*H, In]
  final float[] wHh; // [G*H, H]
  /** {@code W_hh^T} packed for steps with few sequences (made on first use), or null. */
  final Supplier<PackedB> packedHh;
  /** {@code W_ih^T} likewise, for input projections of few rows (a decoder step). */
  final Supplier<PackedB> packedIh;
  final float[] bIh; // [G*H]
  final float[] bHh; // [G*H]

  /** The layer's input {@code [B, T, In]}, zero at padded steps. Kept for dW_ih. */
  final float[] input;
  /** The stack's output for this layer {@code [B, T, D*H]}; this direction fills its slice. */
  final float[] output;
  final int outputWidth;
  final int outputOffset;

  // ---- cache (the rows of [B, T, X] buffers; with keepCache off, only one row per sequence) ----
  final boolean keep;
  /** {@code [B, T, G*H]}: the input projection, overwritten in place by the activated gates. */
  final float[] gates;
  /** {@code [B, T, H]}: the hidden state entering each step (for dW_hh), or null. */
  final float[] hPrev;
  /** LSTM: {@code c} entering each step; GRU: {@code W_hn h + b_hn}; RNN: unused. */
  final float[] aux;
  /** LSTM: {@code tanh(c')} of each step; else unused. */
  final float[] tanhC;

  // ---- running state ----
  final float[] h; // [B, H]
  final float[] c; // [B, H] for LSTM, else null
  final float[] hh; // [B, G*H] scratch: h W_hh^T + b_hh of the current step

  // ---- backward buffers, allocated by beginBackward ----
  /** {@code [B, T, G*H]}: gradient of the pre-activations on the W_hh side. */
  float[] dGatesH;
  /** Same on the W_ih side; the same array as {@link #dGatesH} except for GRU's n gate. */
  float[] dGatesX;
  float[] dh; // [B, H] gradient flowing into the state h between steps
  float[] dc; // [B, H] LSTM only
  float[] dhScratch; // [B, H] dGatesH_t W_hh of the current step
  /** Gradient of this layer's output {@code [B, T, D*H]}, or null for zero. */
  float[] dOutput;

  DirectionRun(
      CellType cell,
      boolean reverse,
      int batch,
      int time,
      int hidden,
      int inputSize,
      int[] lengths,
      float[][] weights,
      int weightIndex,
      float[] input,
      float[] output,
      int outputWidth,
      int outputOffset,
      boolean keep,
      IntFunction<PackedB> packed) {
    this.cell = cell;
    this.reverse = reverse;
    this.batch = batch;
    this.time = time;
    this.hidden = hidden;
    this.gateWidth = cell.gates() * hidden;
    this.inputSize = inputSize;
    this.lengths = lengths;
    this.wIh = weights[weightIndex];
    this.wHh = weights[weightIndex + 1];
    this.packedHh = packed == null ? null : () -> packed.apply(weightIndex + 1);
    this.packedIh = packed == null ? null : () -> packed.apply(weightIndex);
    this.bIh = weights[weightIndex + 2];
    this.bHh = weights[weightIndex + 3];
    this.input = input;
    this.output = output;
    this.outputWidth = outputWidth;
    this.outputOffset = outputOffset;
    this.keep = keep;
    int rows = keep ? batch * time : batch;
    this.gates = new float[batch * time * gateWidth];
    this.hPrev = keep ? new float[batch * time * hidden] : null;
    boolean lstm = cell == CellType.LSTM;
    this.aux = keep && (lstm || cell == CellType.GRU) ? new float[rows * hidden] : null;
    this.tanhC = lstm ? new float[rows * hidden] : null;
    this.h = new float[batch * hidden];
    this.c = lstm ? new float[batch * hidden] : null;
    this.hh = new float[batch * gateWidth];
  }

  /** Whether step {@code t} of sequence {@code b} is a real (unpadded) step. */
  boolean active(int b, int t) {
    return t < lengths[b];
  }

  /** The time index processed at forward step {@code s} (reverse runs {@code T-1 .. 0}). */
  int timeAt(int s) {
    return reverse ? time - 1 - s : s;
  }

  /** Row of the per-step caches ({@code hPrev}, {@code aux}, {@code tanhC}) for {@code (b, t)}. */
  int cacheRow(int b, int t) {
    return keep ? b * time + t : b;
  }

  void beginBackward(float[] dOutput) {
    int n = batch * time * gateWidth;
    this.dGatesH = new float[n];
    this.dGatesX = cell == CellType.GRU ? new float[n] : dGatesH;
    this.dh = new float[batch * hidden];
    this.dc = cell == CellType.LSTM ? new float[batch * hidden] : null;
    this.dhScratch = new float[batch * hidden];
    this.dOutput = dOutput;
  }

  /** Drops the backward buffers once their results have been read. */
  void endBackward() {
    dGatesH = null;
    dGatesX = null;
    dh = null;
    dc = null;
    dhScratch = null;
    dOutput = null;
  }
}
