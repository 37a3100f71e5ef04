package dev.seq2seq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;

/**
 * Base of every conformance class: a backend's test subclasses a conformance class and says how
 * to obtain the backend under test. The kit never closes it, so a subclass may share one backend
 * across all classes.
 */
public abstract class BackendFixture {

  /** The backend under test. */
  protected abstract Backend backend();

  /** A FLOAT32 tensor from literal values. */
  protected Tensor t(float[] values, int... shape) {
    return backend().of(values, shape);
  }

  /** Shorthand for literal arrays: {@code t(f(1, 2, 3), 3)}. */
  protected static float[] f(float... values) {
    return values;
  }

  protected Tensor ints(int[] values, int... shape) {
    return backend().ofInts(values, shape);
  }

  /** Asserts shape and values, element by element within {@code tol} (absolute). */
  protected static void assertTensor(Tensor actual, int[] shape, float[] expected, double tol) {
    assertThat(actual.shape().dims()).as("shape").containsExactly(shape);
    Approx.assertClose(actual.toFloatArray(), expected, tol, 0, "values");
  }

  /** {@link #assertTensor(Tensor, int[], float[], double)} with a float32-sized tolerance. */
  protected static void assertTensor(Tensor actual, int[] shape, float[] expected) {
    assertTensor(actual, shape, expected, 1e-5);
  }

  protected static int[] shape(int... dims) {
    return dims;
  }
}
