package dev.seq2seq.nativebackend.rnn;

/**
 * GRU step, PyTorch's gate order {@code r, z, n}:
 *
 * <pre>
 *   [x_r x_z x_n] = x W_ih^T + b_ih      [h_r h_z h_n] = h W_hh^T + b_hh      each [H]
 *   r = sigmoid(x_r + h_r)   z = sigmoid(x_z + h_z)
 *   n = tanh(x_n + r*h_n)
 *   h' = (1-z)*n + z*h
 * </pre>
 *
 * Because {@code r} multiplies {@code h_n} only, the n gate's pre-activation gradient differs on
 * the two sides: {@code dx_n = da_n} but {@code dh_n = da_n * r}; hence the separate {@code
 * dGatesX}. Cached per step: the activated gates and {@code h_n} ({@code aux}).
 */
final class GruCell implements Cell {

  @Override
  public void forward(DirectionRun run, int b, int t) {
    final int H = run.hidden;
    final float[] g = run.gates;
    final int gi = (b * run.time + t) * run.gateWidth; // row (b,t) of gates [B,T,3H]
    final int hhi = b * run.gateWidth; // row b of hh [B,3H]
    final int si = b * H; // row b of h [B,H]
    final int oi = (b * run.time + t) * run.outputWidth + run.outputOffset;
    final float[] hh = run.hh;
    final float[] bHh = run.bHh;

    // r, z = sigmoid(x_rz + h_rz)                                        [2H]
    for (int j = 0; j < 2 * H; j++) {
      g[gi + j] += hh[hhi + j] + bHh[j];
    }
    FastMath.sigmoid(g, gi, 2 * H);

    // n = tanh(x_n + r*h_n)                                              [H]
    final float[] hn = run.aux; // null when nothing is cached
    final int ai = run.cacheRow(b, t) * H;
    for (int j = 0; j < H; j++) {
      float hnj = hh[hhi + 2 * H + j] + bHh[2 * H + j];
      if (hn != null) {
        hn[ai + j] = hnj;
      }
      g[gi + 2 * H + j] += g[gi + j] * hnj;
    }
    FastMath.tanh(g, gi + 2 * H, H);

    // h' = (1-z)*n + z*h                                                 [H]
    final float[] h = run.h;
    final float[] out = run.output;
    for (int j = 0; j < H; j++) {
      float z = g[gi + H + j];
      float hNew = (1f - z) * g[gi + 2 * H + j] + z * h[si + j];
      h[si + j] = hNew;
      out[oi + j] = hNew;
    }
  }

  @Override
  public void backward(DirectionRun run, int b, int t) {
    final int H = run.hidden;
    final float[] g = run.gates;
    final int gi = (b * run.time + t) * run.gateWidth;
    final int si = b * H;
    final int ci = run.cacheRow(b, t) * H;
    final float[] hPrev = run.hPrev;
    final float[] hn = run.aux;
    final float[] dh = run.dh;
    final float[] dGh = run.dGatesH;
    final float[] dGx = run.dGatesX;

    for (int j = 0; j < H; j++) {
      float r = g[gi + j];
      float z = g[gi + H + j];
      float n = g[gi + 2 * H + j];
      float dhj = dh[si + j];
      // h' = (1-z)*n + z*h:  dn = dh'(1-z),  dz = dh'(h - n),  dh = dh' z (+ W_hh path)
      float dn = dhj * (1f - z);
      float dz = dhj * (hPrev[ci + j] - n);
      // n = tanh(a_n), a_n = x_n + r*h_n:  da_n,  dr = da_n h_n,  dh_n = da_n r
      float dan = dn * (1f - n * n);
      float dar = dan * hn[ci + j] * r * (1f - r);
      float daz = dz * z * (1f - z);
      dGx[gi + j] = dar;
      dGh[gi + j] = dar;
      dGx[gi + H + j] = daz;
      dGh[gi + H + j] = daz;
      dGx[gi + 2 * H + j] = dan;
      dGh[gi + 2 * H + j] = dan * r;
      dh[si + j] = dhj * z;
    }
  }
}
