package dev.seq2seq.task.speech.features;

/** Per-utterance operations on {@code [frames][dims]} feature matrices. */
public final class FrameOps {
  private FrameOps() {}

  /**
   * Mean/variance normalisation per dimension over the utterance's frames, exactly as the peer
   * writes it: {@code (x - mean) / (std + 1e-5)} with PyTorch's default unbiased (n - 1) std, so an
   * utterance of one frame divides by 1e-5 after centring (giving zeros, not NaN).
   */
  public static float[][] normalize(double[][] x) {
    int frames = x.length;
    if (frames == 0) {
      return new float[0][];
    }
    int dims = x[0].length;
    float[][] out = new float[frames][dims];
    for (int d = 0; d < dims; d++) {
      double mean = 0;
      for (double[] row : x) {
        mean += row[d];
      }
      mean /= frames;
      double ss = 0;
      for (double[] row : x) {
        ss += (row[d] - mean) * (row[d] - mean);
      }
      double std = frames > 1 ? Math.sqrt(ss / (frames - 1)) : Double.NaN;
      double scale = 1.0 / ((Double.isNaN(std) ? 0 : std) + 1e-5);
      for (int f = 0; f < frames; f++) {
        out[f][d] = (float) ((x[f][d] - mean) * scale);
      }
    }
    return out;
  }

  public static float[][] toFloat(double[][] x) {
    float[][] out = new float[x.length][];
    for (int f = 0; f < x.length; f++) {
      out[f] = new float[x[f].length];
      for (int d = 0; d < x[f].length; d++) {
        out[f][d] = (float) x[f][d];
      }
    }
    return out;
  }

  /**
   * Concatenates each run of {@code k} consecutive frames into one ({@code [frames / k][k * dims]}),
   * dropping a last incomplete run: fewer, wider steps make the recurrent layers k times cheaper.
   */
  public static float[][] stack(float[][] x, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("stack must be >= 1, got " + k);
    }
    if (k == 1) {
      return x;
    }
    int n = x.length / k;
    int dims = x.length == 0 ? 0 : x[0].length;
    float[][] out = new float[n][k * dims];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        System.arraycopy(x[i * k + j], 0, out[i], j * dims, dims);
      }
    }
    return out;
  }

  /** Orthonormal DCT-II matrix {@code [nOut][nIn]} (torchaudio's {@code create_dct(norm="ortho")}). */
  public static double[][] dct(int nOut, int nIn) {
    if (nOut > nIn) {
      throw new IllegalArgumentException("n_mfcc (" + nOut + ") cannot exceed n_mels (" + nIn + ")");
    }
    double[][] m = new double[nOut][nIn];
    for (int k = 0; k < nOut; k++) {
      double scale = k == 0 ? Math.sqrt(1.0 / nIn) : Math.sqrt(2.0 / nIn);
      for (int n = 0; n < nIn; n++) {
        m[k][n] = scale * Math.cos(Math.PI / nIn * (n + 0.5) * k);
      }
    }
    return m;
  }
}
