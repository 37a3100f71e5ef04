package dev.seq2seq.nativebackend.rnn;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentSpec;

/**
 * A deliberately plain double-precision reference for the fused kernels: per sequence, per
 * step, per unit loops straight from the cell equations (see {@link CellType}), no GEMM, no
 * shared code with the kernels. Padded steps are simply never visited.
 */
final class ReferenceRnn {
  private ReferenceRnn() {}

  /** Outputs {@code [B, T, D*H]}, final states {@code [L*D, B, H]} ({@code cN} null unless LSTM). */
  record Result(double[] out, double[] hN, double[] cN) {}

  static Result forward(
      RecurrentSpec spec,
      double[] x,
      int batch,
      int time,
      int[] lengths,
      double[] h0,
      double[] c0,
      double[][] w) {
    int L = spec.layers();
    int D = spec.directions();
    int H = spec.hiddenSize();
    int G = spec.cell().gates();
    boolean lstm = spec.cell() == CellType.LSTM;
    double[] hN = new double[L * D * batch * H];
    double[] cN = lstm ? new double[L * D * batch * H] : null;
    double[] in = x;
    double[] out = null;
    for (int l = 0; l < L; l++) {
      int inSize = spec.layerInputSize(l);
      out = new double[batch * time * D * H];
      for (int d = 0; d < D; d++) {
        int k = (l * D + d) * 4;
        double[] wIh = w[k];
        double[] wHh = w[k + 1];
        double[] bIh = w[k + 2];
        double[] bHh = w[k + 3];
        for (int b = 0; b < batch; b++) {
          int len = lengths == null ? time : lengths[b];
          int s0 = ((l * D + d) * batch + b) * H;
          double[] h = new double[H];
          double[] c = new double[H];
          for (int j = 0; j < H; j++) {
            h[j] = h0 == null ? 0 : h0[s0 + j];
            c[j] = c0 == null ? 0 : c0[s0 + j];
          }
          for (int step = 0; step < len; step++) {
            int t = d == 0 ? step : len - 1 - step;
            // ax = W_ih x_t + b_ih, ah = W_hh h + b_hh, each [G*H]
            double[] ax = new double[G * H];
            double[] ah = new double[G * H];
            for (int r = 0; r < G * H; r++) {
              double sx = bIh[r];
              for (int i = 0; i < inSize; i++) {
                sx += wIh[r * inSize + i] * in[(b * time + t) * inSize + i];
              }
              double sh = bHh[r];
              for (int i = 0; i < H; i++) {
                sh += wHh[r * H + i] * h[i];
              }
              ax[r] = sx;
              ah[r] = sh;
            }
            double[] hNew = new double[H];
            for (int j = 0; j < H; j++) {
              switch (spec.cell()) {
                case RNN_TANH -> hNew[j] = Math.tanh(ax[j] + ah[j]);
                case RNN_RELU -> hNew[j] = Math.max(0, ax[j] + ah[j]);
                case LSTM -> {
                  double ig = sigmoid(ax[j] + ah[j]);
                  double fg = sigmoid(ax[H + j] + ah[H + j]);
                  double gg = Math.tanh(ax[2 * H + j] + ah[2 * H + j]);
                  double og = sigmoid(ax[3 * H + j] + ah[3 * H + j]);
                  c[j] = fg * c[j] + ig * gg;
                  hNew[j] = og * Math.tanh(c[j]);
                }
                case GRU -> {
                  double r = sigmoid(ax[j] + ah[j]);
                  double z = sigmoid(ax[H + j] + ah[H + j]);
                  double n = Math.tanh(ax[2 * H + j] + r * ah[2 * H + j]);
                  hNew[j] = (1 - z) * n + z * h[j];
                }
              }
            }
            h = hNew;
            for (int j = 0; j < H; j++) {
              out[(b * time + t) * D * H + d * H + j] = h[j];
            }
          }
          for (int j = 0; j < H; j++) {
            hN[s0 + j] = h[j];
            if (lstm) {
              cN[s0 + j] = c[j];
            }
          }
        }
      }
      in = out;
    }
    return new Result(out, hN, cN);
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }
}
