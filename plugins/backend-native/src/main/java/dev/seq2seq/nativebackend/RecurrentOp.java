package dev.seq2seq.nativebackend;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nativebackend.autograd.Backprop;
import dev.seq2seq.nativebackend.gemm.PackedB;
import dev.seq2seq.nativebackend.ops.OuterProductSum;
import dev.seq2seq.nativebackend.rnn.RecurrentKernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * {@link NativeBackend#recurrent}: checks the arguments, runs the fused kernels, and records the
 * whole layer stack as ONE node with two or three outputs (output sequence, final h, and final c
 * for LSTM). The engine sums the gradients of all three before the node's backward runs, so
 * back-propagation through time happens once per backward pass whichever outputs the loss used.
 */
final class RecurrentOp {
  private static final String OP = "recurrent";
  private final NativeBackend backend;
  private final RecurrentKernels kernels;

  RecurrentOp(NativeBackend backend, RecurrentKernels kernels) {
    this.backend = backend;
    this.kernels = kernels;
  }

  RecurrentOutput run(
      RecurrentSpec spec,
      Tensor input,
      int[] lengths,
      RecurrentState initial,
      List<Tensor> weights) {
    NativeTensor x = NativeTensor.cast(input, backend, OP);
    int[] xd = x.dims();
    if (xd.length != 3 || xd[2] != spec.inputSize()) {
      throw new IllegalArgumentException(
          "recurrent: input must be [batch, time, " + spec.inputSize() + "], got " + x.shape());
    }
    int batch = xd[0];
    int time = xd[1];
    checkLengths(lengths, batch, time);
    boolean lstm = spec.cell() == CellType.LSTM;
    int[] stateShape = {spec.layers() * spec.directions(), batch, spec.hiddenSize()};

    // The node's inputs, in the order its backward returns gradients: x, [h0], [c0], weights.
    List<NativeTensor> inputs = new ArrayList<>();
    inputs.add(x);
    NativeTensor h0 = null;
    NativeTensor c0 = null;
    if (initial != null) {
      h0 = checked(initial.h(), stateShape, "initial hidden state");
      inputs.add(h0);
      if (initial.c() != null) {
        if (!lstm) {
          throw new IllegalArgumentException(
              "recurrent: an initial cell state was given, but " + spec.cell().shortName()
                  + " cells have none");
        }
        c0 = checked(initial.c(), stateShape, "initial cell state");
        inputs.add(c0);
      }
    }
    float[][] w = weightArrays(spec, weights, inputs);
    int firstWeight = inputs.size() - w.length;
    IntFunction<PackedB> packed = i -> inputs.get(firstWeight + i).packedTranspose();

    NativeTensor[] all = inputs.toArray(new NativeTensor[0]);
    boolean record = backend.needsGraph(all);
    RecurrentKernels.Forward f =
        kernels.forward(
            spec, x.floats(OP), batch, time, lengths == null ? null : lengths.clone(),
            h0 == null ? null : h0.floats(OP), c0 == null ? null : c0.floats(OP), w, packed,
            record);

    int[] outShape = {batch, time, spec.outputSize()};
    float[][] data = lstm ? new float[][] {f.output(), f.hN(), f.cN()}
        : new float[][] {f.output(), f.hN()};
    int[][] shapes = lstm ? new int[][] {outShape, stateShape, stateShape}
        : new int[][] {outShape, stateShape};
    boolean hasH0 = h0 != null;
    boolean hasC0 = c0 != null;
    List<NativeTensor> out =
        backend.results(
            OP, data, shapes,
            (g, needs) -> routeGradients(
                kernels.backward(f, copy(g[0]), copy(g[1]), lstm ? copy(g[2]) : null,
                    OuterProductSum.MAX_ROWS),
                all, hasH0, hasC0),
            all);
    RecurrentState state = new RecurrentState(out.get(1), lstm ? out.get(2) : null);
    return new RecurrentOutput(out.get(0), state);
  }

  /**
   * Output gradients may be shared with other consumers of the graph, and back-propagation through
   * time naturally accumulates into the state gradients it is given: the kernels get their own.
   */
  private static float[] copy(float[] gradient) {
    return gradient == null ? null : gradient.clone();
  }

  /**
   * Lays out the kernel's gradients in the node's input order. A weight whose gradient came as
   * factors (a decoder cell's single step) is handed to the pass to be summed with its other
   * steps' (see {@link OuterProductSum}), or multiplied out here when it cannot be.
   */
  private float[][] routeGradients(
      RecurrentKernels.Backward b, NativeTensor[] inputs, boolean hasH0, boolean hasC0) {
    float[][] grads = new float[inputs.length][];
    int i = 0;
    grads[i++] = b.dx();
    if (hasH0) {
      grads[i++] = b.dh0();
    }
    if (hasC0) {
      grads[i++] = b.dc0();
    }
    for (int w = 0; w < b.dWeights().length; w++, i++) {
      RecurrentKernels.Factors f = b.factors()[w];
      if (f == null) {
        grads[i] = b.dWeights()[w];
        continue;
      }
      OuterProductSum sum =
          new OuterProductSum(backend.gemm(), f.n(), f.k(), f.g(), 0, f.x(), 0, f.rows());
      if (!Backprop.defer(inputs[i], sum)) {
        grads[i] = new float[f.n() * f.k()];
        sum.addTo(grads[i]);
      }
    }
    return grads;
  }

  private float[][] weightArrays(
      RecurrentSpec spec, List<Tensor> weights, List<NativeTensor> inputs) {
    List<String> names = spec.weightNames();
    if (weights == null || weights.size() != names.size()) {
      throw new IllegalArgumentException(
          "recurrent: expected " + names.size() + " weights " + names + ", got "
              + (weights == null ? 0 : weights.size()));
    }
    float[][] w = new float[names.size()][];
    for (int i = 0; i < w.length; i++) {
      NativeTensor t = checked(weights.get(i), spec.weightShape(i), names.get(i));
      inputs.add(t);
      w[i] = t.floats(OP);
    }
    return w;
  }

  private NativeTensor checked(Tensor tensor, int[] expected, String what) {
    NativeTensor t = NativeTensor.cast(tensor, backend, OP);
    if (!Arrays.equals(t.dims(), expected)) {
      throw new IllegalArgumentException(
          "recurrent: " + what + " must be " + Arrays.toString(expected) + ", got " + t.shape());
    }
    return t;
  }

  private static void checkLengths(int[] lengths, int batch, int time) {
    if (lengths == null) {
      return;
    }
    if (lengths.length != batch) {
      throw new IllegalArgumentException(
          "recurrent: " + lengths.length + " lengths for a batch of " + batch);
    }
    for (int len : lengths) {
      if (len < 0 || len > time) {
        throw new IllegalArgumentException(
            "recurrent: length " + len + " is outside 0.." + time + " " + Arrays.toString(lengths));
      }
    }
  }
}
