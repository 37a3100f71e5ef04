package dev.seq2seq.backend;

import java.util.Arrays;

/** An immutable tensor shape. Rank 0 is a scalar. */
public final class Shape {
  private final int[] dims;

  private Shape(int[] dims) {
    for (int d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(dims));
      }
    }
    this.dims = dims;
  }

  public static Shape of(int... dims) {
    return new Shape(dims.clone());
  }

  public int rank() {
    return dims.length;
  }

  /** Size of an axis; negative axes count from the end. */
  public int dim(int axis) {
    return dims[axis(axis)];
  }

  /** Normalises a possibly negative axis and checks its range. */
  public int axis(int axis) {
    int a = axis < 0 ? axis + dims.length : axis;
    if (a < 0 || a >= dims.length) {
      throw new IllegalArgumentException("axis " + axis + " out of range for shape " + this);
    }
    return a;
  }

  public long size() {
    long n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  /** Number of elements as an int; throws if the tensor is too large for one Java array. */
  public int sizeInt() {
    return Math.toIntExact(size());
  }

  public int[] dims() {
    return dims.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
