package dev.seq2seq.nn;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.Shape;
import dev.seq2seq.backend.Tensor;
import java.lang.reflect.Proxy;

/**
 * A stand-in backend for core unit tests, which cannot depend on a real backend (the backends
 * depend on the core): it only creates tensors that remember their shape and host values, enough
 * to check parameter names, shapes, initial values and argument validation. Every computing
 * method throws.
 */
final class HostOnlyBackend {
  private HostOnlyBackend() {}

  static Backend create() {
    Backend[] self = new Backend[1];
    self[0] =
        (Backend)
            Proxy.newProxyInstance(
                Backend.class.getClassLoader(),
                new Class<?>[] {Backend.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "name" -> "host-only";
                      case "of" -> args[0] instanceof float[] f
                          ? tensor(self[0], DType.FLOAT32, f, null, (int[]) args[1])
                          : unsupported(method.getName());
                      case "ofInts" -> tensor(self[0], DType.INT32, null, (int[]) args[0], (int[]) args[1]);
                      case "hashCode" -> System.identityHashCode(proxy);
                      case "equals" -> proxy == args[0];
                      case "toString" -> "HostOnlyBackend";
                      default -> unsupported(method.getName());
                    });
    return self[0];
  }

  private static Tensor tensor(Backend backend, DType dtype, float[] f, int[] ints, int[] dims) {
    Shape shape = Shape.of(dims);
    float[] floats = f == null ? null : f.clone();
    int[] ints2 = ints == null ? null : ints.clone();
    boolean[] grad = new boolean[1];
    Tensor[] self = new Tensor[1];
    self[0] =
        (Tensor)
            Proxy.newProxyInstance(
                Tensor.class.getClassLoader(),
                new Class<?>[] {Tensor.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "backend" -> backend;
                      case "shape" -> shape;
                      case "dtype" -> dtype;
                      case "toFloatArray" -> floats.clone();
                      case "toIntArray" -> ints2.clone();
                      case "requireGrad" -> {
                        grad[0] = true;
                        yield self[0];
                      }
                      case "requiresGrad" -> grad[0];
                      case "hashCode" -> System.identityHashCode(proxy);
                      case "equals" -> proxy == args[0];
                      case "toString" -> "HostTensor" + shape;
                      default -> unsupported(method.getName());
                    });
    return self[0];
  }

  private static Object unsupported(String name) {
    throw new UnsupportedOperationException("host-only test backend cannot " + name);
  }
}
