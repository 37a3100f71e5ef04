package dev.seq2seq.nativebackend.rnn;

/**
 * LSTM step, PyTorch's gate order {@code i, f, g, o}:
 *
 * <pre>
 *   [a_i a_f a_g a_o] = x W_ih^T + b_ih + h W_hh^T + b_hh      each [H]
 *   i = sigmoid(a_i)  f = sigmoid(a_f)  g = tanh(a_g)  o = sigmoid(a_o)
 *   c' = f*c + i*g
 *   h' = o*tanh(c')
 * </pre>
 *
 * Cached per step: the activated gates (in place of the projection), {@code c} entering the step
 * ({@code aux}) and {@code tanh(c')}; {@code h} entering the step is cached by {@link StepLoop}.
 */
final class LstmCell implements Cell {

  @Override
  public void forward(DirectionRun run, int b, int t) {
    final int H = run.hidden;
    final float[] g = run.gates;
    final int gi = (b * run.time + t) * run.gateWidth; // row (b,t) of gates [B,T,4H]
    final int hhi = b * run.gateWidth; // row b of hh [B,4H]
    final int si = b * H; // row b of h, c [B,H]
    final int ci = run.cacheRow(b, t) * H; // row of aux, tanhC
    final int oi = (b * run.time + t) * run.outputWidth + run.outputOffset;
    final float[] hh = run.hh;
    final float[] bHh = run.bHh;

    // a = x W_ih^T + b_ih + h W_hh^T + b_hh                              [4H]
    for (int j = 0; j < 4 * H; j++) {
      g[gi + j] += hh[hhi + j] + bHh[j];
    }
    FastMath.sigmoid(g, gi, 2 * H); // i, f
    FastMath.tanh(g, gi + 2 * H, H); // g
    FastMath.sigmoid(g, gi + 3 * H, H); // o

    // c' = f*c + i*g                                                     [H]
    final float[] c = run.c;
    final float[] tc = run.tanhC;
    final float[] cPrev = run.aux; // null when nothing is cached
    for (int j = 0; j < H; j++) {
      float cOld = c[si + j];
      if (cPrev != null) {
        cPrev[ci + j] = cOld;
      }
      float cNew = g[gi + H + j] * cOld + g[gi + j] * g[gi + 2 * H + j];
      c[si + j] = cNew;
      tc[ci + j] = cNew;
    }
    FastMath.tanh(tc, ci, H);

    // h' = o*tanh(c')                                                    [H]
    final float[] h = run.h;
    final float[] out = run.output;
    for (int j = 0; j < H; j++) {
      float hNew = g[gi + 3 * H + j] * tc[ci + j];
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
    final float[] tc = run.tanhC;
    final float[] cPrev = run.aux;
    final float[] dh = run.dh;
    final float[] dc = run.dc;
    final float[] dG = run.dGatesH; // same array as dGatesX for LSTM

    for (int j = 0; j < H; j++) {
      float i = g[gi + j];
      float f = g[gi + H + j];
      float gg = g[gi + 2 * H + j];
      float o = g[gi + 3 * H + j];
      float tanhC = tc[ci + j];
      float dhj = dh[si + j];
      // h' = o*tanh(c'):  do = dh' tanh(c'),  dc' += dh' o (1 - tanh^2(c'))
      float dcj = dc[si + j] + dhj * o * (1f - tanhC * tanhC);
      float dO = dhj * tanhC;
      // c' = f*c + i*g:  di = dc' g,  df = dc' c,  dg = dc' i,  dc = dc' f
      dG[gi + j] = dcj * gg * i * (1f - i); // through sigmoid
      dG[gi + H + j] = dcj * cPrev[ci + j] * f * (1f - f); // through sigmoid
      dG[gi + 2 * H + j] = dcj * i * (1f - gg * gg); // through tanh
      dG[gi + 3 * H + j] = dO * o * (1f - o); // through sigmoid
      dc[si + j] = dcj * f;
      // h reaches the previous step only through W_hh.
      dh[si + j] = 0f;
    }
  }
}
