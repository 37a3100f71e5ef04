package dev.seq2seq.nativebackend.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Reverse-mode differentiation over recorded {@link Node}s.
 *
 * <p>The nodes reachable from the output are put in topological order (every node before the
 * nodes of its inputs), so that each node runs exactly once, after all the gradients flowing into
 * it have been summed: this is what makes tensors used several times, and multi-output nodes,
 * come out right. Leaf gradients are summed on the side and handed to the leaves at the end.
 */
public final class Backprop {

  /** The leaves of the pass running on this thread, for {@link #defer}; null outside a pass. */
  private static final ThreadLocal<Map<Differentiable, Accumulator>> RUNNING = new ThreadLocal<>();

  private Backprop() {}

  /**
   * Hands {@code leaf} a gradient contribution to be evaluated when the running pass ends. Call
   * from a backward function (on the thread running the pass), which then returns null for that
   * input. Returns false, and the caller computes the gradient itself, when no pass is running
   * here or {@code leaf} is not a leaf that needs a gradient.
   */
  public static boolean defer(Differentiable leaf, DeferredGradient contribution) {
    Map<Differentiable, Accumulator> leaves = RUNNING.get();
    if (leaves == null || leaf.node() != null || !leaf.requiresGrad()) {
      return false;
    }
    leaves.computeIfAbsent(leaf, k -> new Accumulator()).defer(contribution);
    return true;
  }

  /** Propagates {@code seed}, the gradient of {@code output}, to every leaf that needs one. */
  public static void run(Differentiable output, float[] seed) {
    if (output.node() == null) {
      if (!output.requiresGrad()) {
        throw new IllegalArgumentException(
            "backward: the tensor does not require grad; was it computed from tensors that"
                + " require grad while the tape was open?");
      }
      output.accumulateGrad(seed, false);
      return;
    }
    Map<Node, Accumulator[]> pending = new IdentityHashMap<>();
    Map<Differentiable, Accumulator> leaves = new IdentityHashMap<>();
    slot(pending, output.node(), output.outputIndex()).add(seed);
    Map<Differentiable, Accumulator> outer = RUNNING.get();
    RUNNING.set(leaves);
    try {
      propagate(output, pending, leaves);
    } finally {
      RUNNING.set(outer);
    }
    for (Map.Entry<Differentiable, Accumulator> e : leaves.entrySet()) {
      Accumulator sum = e.getValue();
      sum.evaluateDeferred(Math.toIntExact(e.getKey().shape().size()));
      e.getKey().accumulateGrad(sum.value, sum.owned);
    }
  }

  private static void propagate(Differentiable output, Map<Node, Accumulator[]> pending,
      Map<Differentiable, Accumulator> leaves) {
    for (Node node : topologicalOrder(output.node())) {
      // Removing the entry releases the node's output gradients as soon as they are consumed.
      Accumulator[] slots = pending.remove(node);
      if (slots == null) {
        continue; // every path to this node was cut (inputs without gradient)
      }
      float[][] gradOutputs = new float[slots.length][];
      for (int i = 0; i < slots.length; i++) {
        gradOutputs[i] = slots[i] == null ? null : slots[i].value;
      }
      float[][] gradInputs = node.backward(gradOutputs);
      for (int i = 0; i < gradInputs.length; i++) {
        Differentiable input = node.input(i);
        if (gradInputs[i] == null || !input.requiresGrad()) {
          continue;
        }
        if (input.node() != null) {
          slot(pending, input.node(), input.outputIndex()).add(gradInputs[i]);
        } else {
          leaves.computeIfAbsent(input, k -> new Accumulator()).add(gradInputs[i]);
        }
      }
    }
  }

  private static Accumulator slot(Map<Node, Accumulator[]> pending, Node node, int output) {
    Accumulator[] slots = pending.computeIfAbsent(node, n -> new Accumulator[n.outputs()]);
    if (slots[output] == null) {
      slots[output] = new Accumulator();
    }
    return slots[output];
  }

  /**
   * Nodes reachable from {@code root}, each before the nodes it consumes. An explicit stack rather
   * than recursion, because graphs unrolled over long sequences are deep.
   */
  static List<Node> topologicalOrder(Node root) {
    List<Node> postOrder = new ArrayList<>();
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> stack = new ArrayDeque<>();
    Deque<Integer> nextInput = new ArrayDeque<>();
    stack.push(root);
    nextInput.push(0);
    seen.add(root);
    while (!stack.isEmpty()) {
      Node node = stack.peek();
      int i = nextInput.pop();
      if (i == node.inputCount()) {
        stack.pop();
        postOrder.add(node);
        continue;
      }
      nextInput.push(i + 1);
      Node child = node.input(i).node();
      if (child != null && seen.add(child)) {
        stack.push(child);
        nextInput.push(0);
      }
    }
    Collections.reverse(postOrder);
    return postOrder;
  }

  /**
   * A running sum of gradients. The first gradient is kept as given (it may be shared, for example
   * passed through by a reshape); the first time another one arrives, both are summed into a new
   * array (one pass, rather than a copy and then an add), which later gradients add into.
   */
  private static final class Accumulator {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    float[] value;
    boolean owned;
    /** Contributions to evaluate at the end, in the order they came. */
    List<DeferredGradient> deferred;

    void defer(DeferredGradient contribution) {
      if (deferred == null) {
        deferred = new ArrayList<>();
      }
      if (deferred.isEmpty() || !deferred.get(deferred.size() - 1).absorb(contribution)) {
        deferred.add(contribution);
      }
    }

    /** Adds the deferred contributions into an owned {@link #value} of {@code size} floats. */
    void evaluateDeferred(int size) {
      if (deferred == null) {
        return;
      }
      if (value == null) {
        value = new float[size];
        owned = true;
      } else if (!owned) {
        value = value.clone();
        owned = true;
      }
      for (DeferredGradient d : deferred) {
        d.addTo(value);
      }
      deferred = null;
    }

    void add(float[] gradient) {
      if (value == null) {
        value = gradient;
        return;
      }
      if (!owned) {
        float[] sum = new float[value.length];
        add(value, gradient, sum);
        value = sum;
        owned = true;
        return;
      }
      add(value, gradient, value);
    }

    private static void add(float[] a, float[] b, float[] out) {
      int i = 0;
      for (int bound = SPECIES.loopBound(out.length); i < bound; i += SPECIES.length()) {
        FloatVector.fromArray(SPECIES, a, i).add(FloatVector.fromArray(SPECIES, b, i))
            .intoArray(out, i);
      }
      for (; i < out.length; i++) {
        out[i] = a[i] + b[i];
      }
    }
  }
}
