package dev.seq2seq.optim;

import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-parameter state tensors of an optimiser, keyed {@code <param>.<slot>} (such as {@code
 * decoder.out.weight.exp_avg}) as in a PyTorch state dict flattened by parameter name.
 *
 * <p>Snapshots are copies, so that a checkpoint taken before more steps still describes the
 * moment it was taken; loading copies in as well.
 */
final class OptimizerState {
  private final Map<String, Tensor> slots = new LinkedHashMap<>();
  // Zero tensors made when the optimiser is built, handed out as slots on first use. An optimiser
  // is built outside every TensorScope while its steps run inside one (the trainer's step scope);
  // a slot first made during a step would belong to that scope and be freed with it on a backend
  // whose memory lives off the heap (djl). Made up front, slots live as long as the backend.
  private final Map<String, Tensor> reserved = new LinkedHashMap<>();
  // Step counts stay on the host (reading a device scalar every step would force a sync); they
  // become one-element FLOAT32 tensors, as PyTorch stores them, only in snapshots.
  private final Map<String, Long> steps = new LinkedHashMap<>();
  private final Map<String, Parameter> stepOwners = new LinkedHashMap<>();

  /** The slot tensor, or null before the parameter's first update. */
  Tensor get(Parameter p, String slot) {
    return slots.get(key(p, slot));
  }

  /** Returns the slot, taking its reserved zeros (or creating zeros) on first use. */
  Tensor getOrZeros(Parameter p, String slot) {
    return slots.computeIfAbsent(key(p, slot), k -> {
      Tensor spare = reserved.remove(k);
      return spare != null ? spare : zerosLike(p);
    });
  }

  /**
   * Makes the zeros of {@code slot} for every parameter now, in the caller's scope: optimisers
   * call this from their constructor. {@link #get} still reports no slot before its first use, so
   * snapshots are unchanged.
   */
  void reserve(List<Parameter> parameters, String slot) {
    for (Parameter p : parameters) {
      reserved.putIfAbsent(key(p, slot), zerosLike(p));
    }
  }

  private static Tensor zerosLike(Parameter p) {
    return p.value().backend().zeros(p.value().dtype(), p.value().shape().dims());
  }

  /** The number of updates this parameter has received. */
  long step(Parameter p) {
    return steps.getOrDefault(key(p, "step"), 0L);
  }

  void setStep(Parameter p, long step) {
    steps.put(key(p, "step"), step);
    stepOwners.put(key(p, "step"), p);
  }

  Map<String, Tensor> snapshot() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    steps.forEach(
        (k, v) -> out.put(k, stepOwners.get(k).value().backend().of(new double[] {v}, DType.FLOAT32)));
    slots.forEach((k, v) -> out.put(k, copy(v)));
    return out;
  }

  /**
   * Replaces the whole state. Every key must name a parameter of this optimiser and a slot it
   * uses, with the right shape; all problems are reported together.
   */
  void load(Map<String, Tensor> state, List<Parameter> parameters, Set<String> slotNames) {
    Map<String, Parameter> byName = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      byName.put(p.name(), p);
    }
    Set<String> problems = new TreeSet<>();
    Map<String, Tensor> loaded = new LinkedHashMap<>();
    Map<String, Long> loadedSteps = new LinkedHashMap<>();
    Map<String, Parameter> loadedOwners = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : state.entrySet()) {
      String key = e.getKey();
      int dot = key.lastIndexOf('.');
      Parameter p = dot < 0 ? null : byName.get(key.substring(0, dot));
      String slot = dot < 0 ? "" : key.substring(dot + 1);
      if (p == null || !slotNames.contains(slot)) {
        problems.add("unexpected state entry '" + key + "'");
        continue;
      }
      Tensor value = e.getValue();
      boolean scalar = slot.equals("step");
      if (scalar ? value.shape().size() != 1 : !value.shape().equals(p.value().shape())) {
        problems.add(
            "state entry '" + key + "' has shape " + value.shape() + ", expected "
                + (scalar ? "one element" : p.value().shape()));
        continue;
      }
      if (scalar) {
        loadedSteps.put(key, Math.round(value.item()));
        loadedOwners.put(key, p);
      } else {
        Tensor own = p.value().backend().zeros(p.value().dtype(), p.value().shape().dims());
        own.assign(value.dtype() == own.dtype() ? value : value.to(own.dtype()));
        loaded.put(key, own);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("cannot load optimiser state: " + String.join("; ", problems));
    }
    slots.clear();
    slots.putAll(loaded);
    loaded.keySet().forEach(reserved::remove);
    steps.clear();
    steps.putAll(loadedSteps);
    stepOwners.clear();
    stepOwners.putAll(loadedOwners);
  }

  private static Tensor copy(Tensor t) {
    Tensor c = t.backend().zeros(t.dtype(), t.shape().dims());
    c.assign(t);
    return c;
  }

  private static String key(Parameter p, String slot) {
    return p.name() + "." + slot;
  }
}
