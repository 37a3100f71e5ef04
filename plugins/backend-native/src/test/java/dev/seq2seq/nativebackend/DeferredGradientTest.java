package dev.seq2seq.nativebackend;

import static dev.seq2seq.nativebackend.Checks.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Parameters used once per decoder step have their gradients summed when the backward pass ends
 * (weights in one product over all steps, embedding rows scattered into one table): the sums
 * must be what a step-by-step accumulation gives.
 */
class DeferredGradientTest {
  private static final NativeBackend backend = NativeBackend.create(2);

  @AfterAll
  static void close() {
    backend.close();
  }

  private static float[] random(SplittableRandom rnd, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (rnd.nextDouble() * 2 - 1);
    }
    return x;
  }

  @Test
  void aLinearWeightAndAnEmbeddingUsedAtEveryStepGetEveryStepsGradient() {
    SplittableRandom rnd = new SplittableRandom(3);
    int vocab = 5;
    int width = 4;
    int out = 3;
    int batch = 2;
    int steps = 3;
    float[] e = random(rnd, vocab * width);
    float[] w = random(rnd, out * width);
    int[][] ids = {{1, 4}, {4, 0}, {1, 1}};
    float[][] c = new float[steps][];
    Tensor table = backend.of(e, vocab, width).requireGrad();
    Tensor weight = backend.of(w, out, width).requireGrad();
    for (int round = 1; round <= 2; round++) {
      try (GradientTape tape = backend.gradientTape()) {
        Tensor loss = null;
        for (int t = 0; t < steps; t++) {
          c[t] = c[t] == null ? random(rnd, batch * out) : c[t];
          Tensor h = table.take(backend.ofInts(ids[t], batch)); // [B, W]
          Tensor y = h.matmul(weight.transpose(0, 1)); // [B, O]
          Tensor term = y.mul(backend.of(c[t], batch, out)).sum();
          loss = loss == null ? term : loss.add(term);
        }
        tape.backward(loss);
      }
      // loss = sum_t sum_b,o c_t[b,o] * (E[ids_t[b]] . W[o]): dW[o] = sum c_t[b,o] E[ids_t[b]],
      // dE[ids_t[b]] += sum_o c_t[b,o] W[o]; a second pass adds the same again.
      float[] dw = new float[out * width];
      float[] de = new float[vocab * width];
      for (int t = 0; t < steps; t++) {
        for (int b = 0; b < batch; b++) {
          for (int o = 0; o < out; o++) {
            float ct = c[t][b * out + o];
            for (int j = 0; j < width; j++) {
              dw[o * width + j] += round * ct * e[ids[t][b] * width + j];
              de[ids[t][b] * width + j] += round * ct * w[o * width + j];
            }
          }
        }
      }
      assertClose(weight.grad().toFloatArray(), dw, 1e-5f);
      assertClose(table.grad().toFloatArray(), de, 1e-5f);
    }
  }

  @Test
  void aCellSteppedOneStepAtATimeGetsTheGradientsOfTheWholeSequence() {
    for (CellType cell : new CellType[] {CellType.GRU, CellType.LSTM}) {
      SplittableRandom rnd = new SplittableRandom(5);
      RecurrentSpec spec = new RecurrentSpec(cell, 3, 4, 1, false);
      int batch = 2;
      int time = 4;
      float[] x = random(rnd, batch * time * 3);
      float[] dOut = random(rnd, batch * time * 4);
      List<float[]> init = new ArrayList<>();
      for (int i = 0; i < spec.weightNames().size(); i++) {
        int[] shape = spec.weightShape(i);
        int size = 1;
        for (int d : shape) {
          size *= d;
        }
        init.add(random(rnd, size));
      }
      float[][] whole = gradients(spec, init, x, dOut, batch, time, false);
      float[][] stepped = gradients(spec, init, x, dOut, batch, time, true);
      for (int i = 0; i < whole.length; i++) {
        assertThat(stepped[i]).as("%s %s", cell, spec.weightNames().get(i)).isNotNull();
        assertClose(stepped[i], whole[i], 1e-5f);
      }
    }
  }

  /** Weight gradients of {@code sum(output * dOut)}, over the sequence at once or step by step. */
  private static float[][] gradients(RecurrentSpec spec, List<float[]> init, float[] x,
      float[] dOut, int batch, int time, boolean stepByStep) {
    List<Tensor> weights = new ArrayList<>();
    for (int i = 0; i < init.size(); i++) {
      weights.add(backend.of(init.get(i), spec.weightShape(i)).requireGrad());
    }
    Tensor input = backend.of(x, batch, time, spec.inputSize());
    Tensor target = backend.of(dOut, batch, time, spec.hiddenSize());
    try (GradientTape tape = backend.gradientTape()) {
      Tensor output;
      if (stepByStep) {
        RecurrentState state = null;
        List<Tensor> outputs = new ArrayList<>();
        for (int t = 0; t < time; t++) {
          RecurrentOutput o = backend.recurrent(
              spec, input.slice(1, t, t + 1), null, state, weights);
          outputs.add(o.output());
          state = o.state();
        }
        output = Tensor.concat(outputs, 1);
      } else {
        output = backend.recurrent(spec, input, null, null, weights).output();
      }
      tape.backward(output.mul(target).sum());
    }
    float[][] grads = new float[weights.size()][];
    for (int i = 0; i < grads.length; i++) {
      grads[i] = weights.get(i).grad().toFloatArray();
    }
    return grads;
  }
}
