package dev.seq2seq.nativebackend.autograd;

/**
 * The backward half of a recorded operation: maps the gradients of its outputs to the gradients
 * of its inputs. All arrays are row-major and shaped like the tensor they belong to.
 *
 * <p>Implementations must not modify {@code gradOutputs}: the engine may share those arrays with
 * other consumers. They should return fresh arrays (or pass an output gradient through unchanged,
 * which the engine copies before it ever writes to it).
 */
@FunctionalInterface
public interface BackwardFn {

  /**
   * @param gradOutputs one gradient per output of the operation; an entry is null when no
   *     gradient reached that output (treat it as zeros). At least one entry is non-null.
   * @param needs whether each input needs a gradient; skip the work for the others
   * @return one gradient per input, null where {@code needs} is false or the input is not
   *     differentiable
   */
  float[][] apply(float[][] gradOutputs, boolean[] needs);
}
