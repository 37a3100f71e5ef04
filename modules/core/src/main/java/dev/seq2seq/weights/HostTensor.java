package dev.seq2seq.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;

/**
 * A tensor held on the host as the raw little-endian bytes of a safetensors file, with its
 * safetensors dtype name ({@code F32}, {@code F64}, {@code F16}, {@code BF16}, {@code I32}, {@code
 * I64}, ...) and shape. Immutable: factories and accessors copy.
 */
public final class HostTensor {
  private final String dtype;
  private final int[] shape;
  private final byte[] data;

  private HostTensor(String dtype, int[] shape, byte[] data) {
    this.dtype = dtype;
    this.shape = shape;
    this.data = data;
  }

  /** A tensor of the given dtype from raw little-endian bytes (copied). */
  public static HostTensor ofBytes(String dtype, int[] shape, byte[] data) {
    return wrap(dtype, shape.clone(), data.clone());
  }

  /** Takes ownership of {@code data}; for the reader, which has just allocated it. */
  static HostTensor wrap(String dtype, int[] shape, byte[] data) {
    int itemSize = itemSize(dtype);
    long count = elementCount(shape);
    if (count * itemSize != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " of " + dtype + " needs " + count * itemSize
              + " bytes, got " + data.length);
    }
    return new HostTensor(dtype, shape, data);
  }

  public static HostTensor ofFloats(float[] values, int... shape) {
    ByteBuffer b = buffer(values.length * 4L);
    b.asFloatBuffer().put(values);
    return wrap("F32", shape.clone(), b.array());
  }

  public static HostTensor ofDoubles(double[] values, int... shape) {
    ByteBuffer b = buffer(values.length * 8L);
    b.asDoubleBuffer().put(values);
    return wrap("F64", shape.clone(), b.array());
  }

  public static HostTensor ofInts(int[] values, int... shape) {
    ByteBuffer b = buffer(values.length * 4L);
    b.asIntBuffer().put(values);
    return wrap("I32", shape.clone(), b.array());
  }

  public static HostTensor ofLongs(long[] values, int... shape) {
    ByteBuffer b = buffer(values.length * 8L);
    b.asLongBuffer().put(values);
    return wrap("I64", shape.clone(), b.array());
  }

  public String dtype() {
    return dtype;
  }

  public int[] shape() {
    return shape.clone();
  }

  public long size() {
    return elementCount(shape);
  }

  /** The raw little-endian bytes, read-only. */
  public ByteBuffer data() {
    return ByteBuffer.wrap(data).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  public boolean isFloating() {
    return dtype.equals("F32") || dtype.equals("F64") || dtype.equals("F16") || dtype.equals("BF16");
  }

  /** The values as float; F64 is rounded, F16 and BF16 are widened exactly. */
  public float[] toFloatArray() {
    ByteBuffer b = data();
    float[] out = new float[data.length / itemSize(dtype)];
    switch (dtype) {
      case "F32" -> b.asFloatBuffer().get(out);
      case "F64" -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = (float) b.getDouble(i * 8);
        }
      }
      case "F16" -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = halfToFloat(b.getShort(i * 2));
        }
      }
      case "BF16" -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16);
        }
      }
      default -> throw notFloating();
    }
    return out;
  }

  /** The values as double (exact for every floating dtype). */
  public double[] toDoubleArray() {
    if (dtype.equals("F64")) {
      double[] out = new double[data.length / 8];
      data().asDoubleBuffer().get(out);
      return out;
    }
    float[] f = toFloatArray();
    double[] out = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = f[i];
    }
    return out;
  }

  /** The values of an I32 tensor, or of an I64 tensor whose values all fit. */
  public int[] toIntArray() {
    if (dtype.equals("I32")) {
      int[] out = new int[data.length / 4];
      data().asIntBuffer().get(out);
      return out;
    }
    long[] longs = toLongArray();
    int[] out = new int[longs.length];
    for (int i = 0; i < longs.length; i++) {
      out[i] = Math.toIntExact(longs[i]);
    }
    return out;
  }

  /** The values of an I64 or I32 tensor. */
  public long[] toLongArray() {
    ByteBuffer b = data();
    switch (dtype) {
      case "I64" -> {
        long[] out = new long[data.length / 8];
        b.asLongBuffer().get(out);
        return out;
      }
      case "I32" -> {
        long[] out = new long[data.length / 4];
        for (int i = 0; i < out.length; i++) {
          out[i] = b.getInt(i * 4);
        }
        return out;
      }
      default -> throw new IllegalStateException("tensor of " + dtype + " is not I32 or I64");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostTensor t
        && dtype.equals(t.dtype)
        && Arrays.equals(shape, t.shape)
        && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return dtype + Arrays.toString(shape);
  }

  /** Bytes per element of a safetensors dtype; throws for names this reader does not know. */
  static int itemSize(String dtype) {
    return switch (dtype) {
      case "BOOL", "U8", "I8" -> 1;
      case "I16", "U16", "F16", "BF16" -> 2;
      case "I32", "U32", "F32" -> 4;
      case "I64", "U64", "F64" -> 8;
      default -> throw new IllegalArgumentException("unknown dtype '" + dtype + "'");
    };
  }

  /**
   * The dtype's rank in the safetensors library's {@code Dtype} enum, whose declaration order is
   * increasing alignment; the writer lays tensors out by descending rank, then by name.
   */
  static int alignmentRank(String dtype) {
    return switch (dtype) {
      case "BOOL" -> 0;
      case "U8" -> 1;
      case "I8" -> 2;
      case "I16" -> 3;
      case "U16" -> 4;
      case "F16" -> 5;
      case "BF16" -> 6;
      case "I32" -> 7;
      case "U32" -> 8;
      case "F32" -> 9;
      case "F64" -> 10;
      case "I64" -> 11;
      case "U64" -> 12;
      default -> throw new IllegalArgumentException("unknown dtype '" + dtype + "'");
    };
  }

  static long elementCount(int[] shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
      }
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  private IllegalStateException notFloating() {
    return new IllegalStateException(
        "tensor of " + dtype.toUpperCase(Locale.ROOT) + " is not a floating type");
  }

  private static ByteBuffer buffer(long bytes) {
    return ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** IEEE 754 binary16 to binary32 (exact; Java 17 has no Float.float16ToFloat). */
  static float halfToFloat(short half) {
    int h = half & 0xffff;
    int sign = (h & 0x8000) << 16;
    int exponent = (h >>> 10) & 0x1f;
    int mantissa = h & 0x3ff;
    if (exponent == 0x1f) { // infinity or NaN
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) { // zero or subnormal: mantissa * 2^-24
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }
}
