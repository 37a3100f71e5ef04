package dev.seq2seq.nativebackend.rnn;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentSpec;
import java.util.Arrays;

/** Argument checks for {@link RecurrentKernels}, with messages that name the offending array. */
final class Shapes {
  private Shapes() {}

  static void checkForward(
      RecurrentSpec spec,
      float[] x,
      int batch,
      int time,
      int[] lengths,
      float[] h0,
      float[] c0,
      float[][] weights) {
    if (spec == null) {
      throw new IllegalArgumentException("spec must be set");
    }
    if (batch < 0 || time < 0) {
      throw new IllegalArgumentException("batch and time must be >= 0: " + batch + ", " + time);
    }
    checkLength("x", x, (long) batch * time * spec.inputSize(), false);
    if (lengths != null) {
      if (lengths.length != batch) {
        throw new IllegalArgumentException(
            "lengths has " + lengths.length + " entries, batch is " + batch);
      }
      for (int len : lengths) {
        if (len < 0 || len > time) {
          throw new IllegalArgumentException(
              "lengths must be in 0.." + time + ": " + Arrays.toString(lengths));
        }
      }
    }
    long state = stateSize(spec, batch);
    checkLength("h0", h0, state, true);
    if (c0 != null && spec.cell() != CellType.LSTM) {
      throw new IllegalArgumentException("c0 is only for LSTM, not " + spec.cell());
    }
    checkLength("c0", c0, state, true);
    int count = spec.weightNames().size();
    if (weights == null || weights.length != count) {
      throw new IllegalArgumentException(
          "expected " + count + " weights " + spec.weightNames() + ", got "
              + (weights == null ? "null" : weights.length));
    }
    for (int i = 0; i < count; i++) {
      long size = 1;
      for (int dim : spec.weightShape(i)) {
        size *= dim;
      }
      checkLength(spec.weightNames().get(i), weights[i], size, false);
    }
  }

  static void checkBackward(
      RecurrentSpec spec, int batch, int time, float[] dOutput, float[] dhN, float[] dcN) {
    checkLength("dOutput", dOutput, (long) batch * time * spec.outputSize(), true);
    long state = stateSize(spec, batch);
    checkLength("dhN", dhN, state, true);
    if (dcN != null && spec.cell() != CellType.LSTM) {
      throw new IllegalArgumentException("dcN is only for LSTM, not " + spec.cell());
    }
    checkLength("dcN", dcN, state, true);
  }

  private static long stateSize(RecurrentSpec spec, int batch) {
    return (long) spec.layers() * spec.directions() * batch * spec.hiddenSize();
  }

  private static void checkLength(String name, float[] a, long expected, boolean nullable) {
    if (a == null) {
      if (!nullable) {
        throw new IllegalArgumentException(name + " must be set");
      }
      return;
    }
    if (a.length != expected) {
      throw new IllegalArgumentException(
          name + " has " + a.length + " elements, expected " + expected);
    }
  }
}
