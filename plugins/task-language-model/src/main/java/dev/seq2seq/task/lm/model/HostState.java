package dev.seq2seq.task.lm.model;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.RecurrentState;
import java.util.Arrays;

/**
 * A recurrent state copied to the host: carried between training windows outside every tensor
 * scope (a step's scope frees its tensors on off-heap backends), detached by construction, and
 * cheap to save in a checkpoint.
 *
 * @param c the LSTM cell state, null for other cells
 */
public record HostState(float[] h, float[] c, int[] shape) {

  public static HostState of(RecurrentState state) {
    return new HostState(state.h().toFloatArray(),
        state.c() == null ? null : state.c().toFloatArray(), state.h().shape().dims());
  }

  public RecurrentState toBackend(Backend backend) {
    return new RecurrentState(backend.of(h, shape), c == null ? null : backend.of(c, shape));
  }

  /** Whether every value is finite (a diverging step must not poison the following windows). */
  public boolean isFinite() {
    return finite(h) && (c == null || finite(c));
  }

  private static boolean finite(float[] values) {
    for (float v : values) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostState s && Arrays.equals(h, s.h) && Arrays.equals(c, s.c)
        && Arrays.equals(shape, s.shape);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(h) * 31 + Arrays.hashCode(shape);
  }
}
