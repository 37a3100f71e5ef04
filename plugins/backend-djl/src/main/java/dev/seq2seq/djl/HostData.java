package dev.seq2seq.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Host values into native memory that PyTorch alone owns.
 *
 * <p>DJL makes a CPU array from host data with {@code torch::from_blob} over a direct {@code
 * ByteBuffer}: PyTorch's reference count does not cover that memory, only the Java array object
 * keeps the buffer alive. When that object is closed (its scope ends, or DJL closes the 0-dim
 * operand it made for {@code mul(Number)} right after the op), the buffer's cleaner frees the
 * memory at the next garbage collection, while views, kept results and autograd's saved operands
 * may still point at it, and then read whatever the allocator puts there. So every array made
 * from host data is cloned into PyTorch's allocator at once, and scalar operands are made by
 * {@code torch::full}; see {@code DjlNativeLifetimeTest}.
 */
final class HostData {
  private HostData() {}

  /** An array with the values of {@code fromBlob} in PyTorch-owned memory; closes the original. */
  static NDArray owned(NDArray fromBlob) {
    if (fromBlob.getDevice().isGpu()) {
      return fromBlob; // DJL already copied the values to the device and keeps no buffer
    }
    NDArray copy = fromBlob.duplicate(); // at::clone: PyTorch's allocator owns the copy
    fromBlob.close();
    return copy;
  }

  /** A 0-dim FLOAT64 array on {@code manager}'s device, for an op with a scalar operand. */
  static NDArray scalar(NDManager manager, double value) {
    // FLOAT64 as DJL's own scalar overloads make it: the result type stays the other operand's.
    return JniUtils.full((PtNDManager) manager, new Shape(), value, DataType.FLOAT64,
        manager.getDevice(), SparseFormat.DENSE);
  }
}
