package dev.seq2seq.nativebackend.ops;

/**
 * A tensor seen as {@code [outer, dim, inner]} around one axis: the {@code outer * inner} "lanes"
 * that run along the axis, each read with stride {@code inner}. Softmax and the reductions work
 * lane by lane.
 */
record Lanes(int outer, int dim, int inner) {

  static Lanes around(int[] dims, int axis) {
    int outer = 1;
    int inner = 1;
    for (int i = 0; i < axis; i++) {
      outer *= dims[i];
    }
    for (int i = axis + 1; i < dims.length; i++) {
      inner *= dims[i];
    }
    return new Lanes(outer, dims[axis], inner);
  }

  int count() {
    return outer * inner;
  }

  /** Offset of the first element of lane {@code lane} (lanes numbered as the reduced output). */
  int start(int lane) {
    return (lane / inner) * dim * inner + lane % inner;
  }

  /** The shape without the axis, or with it set to 1. */
  static int[] reducedShape(int[] dims, int axis, boolean keepDims) {
    if (keepDims) {
      int[] out = dims.clone();
      out[axis] = 1;
      return out;
    }
    int[] out = new int[dims.length - 1];
    for (int i = 0, j = 0; i < dims.length; i++) {
      if (i != axis) {
        out[j++] = dims[i];
      }
    }
    return out;
  }
}
