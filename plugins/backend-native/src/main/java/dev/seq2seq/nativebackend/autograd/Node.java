package dev.seq2seq.nativebackend.autograd;

import java.util.Arrays;

/**
 * One recorded operation of the graph: its inputs, how many outputs it produced, and how to turn
 * output gradients into input gradients. A node with several outputs (a recurrent layer returns
 * its output sequence and its final states) runs its backward once, after the gradients of all of
 * its outputs have been summed.
 *
 * <p>Nodes point only towards their inputs, so a graph lives exactly as long as the results that
 * reference it, and leaves never keep a graph alive.
 */
public final class Node {
  private final String op;
  private final Differentiable[] inputs;
  private final int outputs;
  private final BackwardFn backward;

  public Node(String op, Differentiable[] inputs, int outputs, BackwardFn backward) {
    this.op = op;
    this.inputs = inputs.clone();
    this.outputs = outputs;
    this.backward = backward;
  }

  public String op() {
    return op;
  }

  public int outputs() {
    return outputs;
  }

  int inputCount() {
    return inputs.length;
  }

  Differentiable input(int i) {
    return inputs[i];
  }

  /** Runs the backward function and checks that each gradient has its input's size. */
  float[][] backward(float[][] gradOutputs) {
    boolean[] needs = new boolean[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      needs[i] = inputs[i].requiresGrad();
    }
    float[][] grads = backward.apply(gradOutputs, needs);
    if (grads.length != inputs.length) {
      throw new IllegalStateException(
          "backward of '" + op + "' returned " + grads.length + " gradients for "
              + inputs.length + " inputs");
    }
    for (int i = 0; i < grads.length; i++) {
      if (grads[i] != null && grads[i].length != inputs[i].shape().size()) {
        throw new IllegalStateException(
            "backward of '" + op + "' returned " + grads[i].length + " values for input " + i
                + " of shape " + inputs[i].shape());
      }
    }
    return grads;
  }

  @Override
  public String toString() {
    return op + Arrays.toString(Arrays.stream(inputs).map(Differentiable::shape).toArray());
  }
}
