package dev.seq2seq.nativebackend.rnn;

/**
 * Elman RNN step: {@code h' = act(x W_ih^T + b_ih + h W_hh^T + b_hh)} with {@code act} tanh or
 * relu. The activated output is all the backward pass needs (both derivatives are functions of
 * it), and it is cached in place of the projection.
 */
final class SimpleRnnCell implements Cell {
  private final boolean relu;

  SimpleRnnCell(boolean relu) {
    this.relu = relu;
  }

  @Override
  public void forward(DirectionRun run, int b, int t) {
    final int H = run.hidden;
    final float[] g = run.gates;
    final int gi = (b * run.time + t) * H; // row (b,t) of gates [B,T,H]
    final int hhi = b * H; // row b of hh and h [B,H]
    final int oi = (b * run.time + t) * run.outputWidth + run.outputOffset;
    final float[] hh = run.hh;
    final float[] bHh = run.bHh;

    // a = x W_ih^T + b_ih + h W_hh^T + b_hh                              [H]
    for (int j = 0; j < H; j++) {
      g[gi + j] += hh[hhi + j] + bHh[j];
    }
    // h' = act(a)
    if (relu) {
      for (int j = 0; j < H; j++) {
        g[gi + j] = Math.max(g[gi + j], 0f);
      }
    } else {
      FastMath.tanh(g, gi, H);
    }
    System.arraycopy(g, gi, run.h, hhi, H);
    System.arraycopy(g, gi, run.output, oi, H);
  }

  @Override
  public void backward(DirectionRun run, int b, int t) {
    final int H = run.hidden;
    final float[] g = run.gates;
    final int gi = (b * run.time + t) * H;
    final int si = b * H;
    final float[] dh = run.dh;
    final float[] dG = run.dGatesH;
    // da = dh' * act'(a), written with h' = act(a): tanh' = 1 - h'^2, relu' = [h' > 0]
    for (int j = 0; j < H; j++) {
      float hj = g[gi + j];
      dG[gi + j] = relu ? (hj > 0f ? dh[si + j] : 0f) : dh[si + j] * (1f - hj * hj);
      dh[si + j] = 0f;
    }
  }
}
