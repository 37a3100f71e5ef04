package dev.seq2seq.nativebackend.rnn;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentSpec;
import java.util.Random;

/**
 * Random inputs for one recurrent test case: float arrays for the kernel and the same values in
 * double for {@link ReferenceRnn}. Padded input steps and padded output gradients are NaN, so
 * any leak of padding into a result shows up.
 */
final class RecurrentProblem {
  final RecurrentSpec spec;
  final int batch;
  final int time;
  final int[] lengths; // null = all full
  final float[] x;
  final float[] h0; // null = zeros
  final float[] c0; // null = zeros (or not LSTM)
  final float[][] weights;
  /** Coefficients of the linear functional {@code loss = <out, rOut> + <hN, rH> + <cN, rC>}. */
  final double[] rOut;
  final double[] rH;
  final double[] rC;

  RecurrentProblem(RecurrentSpec spec, int batch, int time, int[] lengths, boolean init, long seed) {
    this.spec = spec;
    this.batch = batch;
    this.time = time;
    this.lengths = lengths;
    Random rnd = new Random(seed);
    int in = spec.inputSize();
    int state = spec.layers() * spec.directions() * batch * spec.hiddenSize();
    boolean lstm = spec.cell() == CellType.LSTM;
    x = uniform(rnd, batch * time * in, 1.0);
    for (int b = 0; b < batch; b++) {
      for (int t = length(b); t < time; t++) {
        for (int i = 0; i < in; i++) {
          x[(b * time + t) * in + i] = Float.NaN;
        }
      }
    }
    h0 = init ? uniform(rnd, state, 1.0) : null;
    c0 = init && lstm ? uniform(rnd, state, 1.0) : null;
    weights = new float[spec.weightNames().size()][];
    for (int k = 0; k < weights.length; k++) {
      int size = 1;
      for (int dim : spec.weightShape(k)) {
        size *= dim;
      }
      weights[k] = uniform(rnd, size, 0.7);
    }
    rOut = new double[batch * time * spec.outputSize()];
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < length(b); t++) {
        for (int j = 0; j < spec.outputSize(); j++) {
          rOut[(b * time + t) * spec.outputSize() + j] = rnd.nextGaussian();
        }
      }
    }
    rH = gaussian(rnd, state);
    rC = lstm ? gaussian(rnd, state) : null;
  }

  int length(int b) {
    return lengths == null ? time : lengths[b];
  }

  /** The output gradient handed to the kernel: {@code rOut}, with NaN at padded steps. */
  float[] dOutput() {
    float[] d = toFloat(rOut);
    int w = spec.outputSize();
    for (int b = 0; b < batch; b++) {
      for (int t = length(b); t < time; t++) {
        for (int j = 0; j < w; j++) {
          d[(b * time + t) * w + j] = Float.NaN;
        }
      }
    }
    return d;
  }

  ReferenceRnn.Result reference(double[] xd, double[] h0d, double[] c0d, double[][] wd) {
    return ReferenceRnn.forward(spec, xd, batch, time, lengths, h0d, c0d, wd);
  }

  /** The functional whose gradient the backward pass computes, evaluated on the reference. */
  double loss(ReferenceRnn.Result r) {
    double s = dot(r.out(), rOut) + dot(r.hN(), rH);
    return rC == null ? s : s + dot(r.cN(), rC);
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double[] toDouble(float[] a) {
    if (a == null) {
      return null;
    }
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  static float[] toFloat(double[] a) {
    if (a == null) {
      return null;
    }
    float[] f = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      f[i] = (float) a[i];
    }
    return f;
  }

  private static float[] uniform(Random rnd, int n, double scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) ((rnd.nextDouble() * 2 - 1) * scale);
    }
    return a;
  }

  private static double[] gaussian(Random rnd, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rnd.nextGaussian();
    }
    return a;
  }
}
