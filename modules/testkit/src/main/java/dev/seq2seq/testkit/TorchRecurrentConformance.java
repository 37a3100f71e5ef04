package dev.seq2seq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fused recurrent layers against PyTorch itself: weights in PyTorch's names and gate layouts
 * must give PyTorch's outputs, final states and gradients. The vectors come from {@code
 * nn.RNN/LSTM/GRU} in float64 over a packed padded batch ({@code
 * bench/torch_recurrent_vectors.py}); a backend computing in float32 agrees to float32 rounding.
 */
public abstract class TorchRecurrentConformance extends BackendFixture {
  static final double FORWARD_TOL = 2e-5;
  static final double GRAD_TOL = 1e-4;

  /** One PyTorch case, named like the self-check's configurations. */
  public record Case(JsonNode json) {
    @Override
    public String toString() {
      return json.path("name").asString();
    }
  }

  static Stream<Case> cases() {
    try (InputStream in =
        TorchRecurrentConformance.class.getResourceAsStream("torch_recurrent_vectors.json")) {
      if (in == null) {
        throw new IllegalStateException("torch_recurrent_vectors.json is missing from the kit");
      }
      JsonNode root = JsonMapper.builder().build().readTree(in);
      List<Case> cases = new ArrayList<>();
      root.path("cases").forEach(c -> cases.add(new Case(c)));
      return cases.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPyTorch(Case c) {
    JsonNode j = c.json();
    RecurrentSpec spec =
        new RecurrentSpec(
            CellType.fromShortName(j.path("cell").asString()),
            j.path("input_size").asInt(),
            j.path("hidden_size").asInt(),
            j.path("layers").asInt(),
            j.path("bidirectional").asBoolean());
    int b = j.path("batch").asInt();
    int time = j.path("time").asInt();
    int h = spec.hiddenSize();
    int states = spec.layers() * spec.directions();
    boolean lstm = spec.cell() == CellType.LSTM;

    // PyTorch's parameter order and names are the SPI's: this is the layout-compatibility claim.
    List<String> torchNames = new ArrayList<>();
    j.path("weight_names").forEach(n -> torchNames.add(n.asString()));
    assertThat(spec.weightNames()).as("weight names and order").isEqualTo(torchNames);

    Tensor x = t(floats(j.path("input")), b, time, spec.inputSize()).requireGrad();
    Tensor h0 = t(floats(j.path("h0")), states, b, h).requireGrad();
    Tensor c0 = lstm ? t(floats(j.path("c0")), states, b, h).requireGrad() : null;
    List<Tensor> weights = new ArrayList<>();
    for (int i = 0; i < torchNames.size(); i++) {
      weights.add(
          t(floats(j.path("weights").path(torchNames.get(i))), spec.weightShape(i)).requireGrad());
    }
    int[] lengths = new int[b];
    for (int i = 0; i < b; i++) {
      lengths[i] = j.path("lengths").get(i).asInt();
    }

    RecurrentOutput out;
    try (GradientTape tape = backend().gradientTape()) {
      out = backend().recurrent(spec, x, lengths, new RecurrentState(h0, c0), weights);
      Tensor loss =
          out.output().mul(t(floats(j.path("r")), out.output().shape().dims())).sum()
              .add(out.state().h().mul(t(floats(j.path("s")), states, b, h)).sum());
      if (lstm) {
        loss = loss.add(out.state().c().mul(t(floats(j.path("sc")), states, b, h)).sum());
      }
      tape.backward(loss);
    }

    String name = c.toString();
    Approx.assertMixed(out.output().toFloatArray(), floats(j.path("output")), FORWARD_TOL,
        name + " output");
    Approx.assertMixed(out.state().h().toFloatArray(), floats(j.path("h_n")), FORWARD_TOL,
        name + " h_n");
    Approx.assertMixed(x.grad().toFloatArray(), floats(j.path("grad_input")), GRAD_TOL,
        name + " d input");
    Approx.assertMixed(h0.grad().toFloatArray(), floats(j.path("grad_h0")), GRAD_TOL,
        name + " d h0");
    if (lstm) {
      Approx.assertMixed(out.state().c().toFloatArray(), floats(j.path("c_n")), FORWARD_TOL,
          name + " c_n");
      Approx.assertMixed(c0.grad().toFloatArray(), floats(j.path("grad_c0")), GRAD_TOL,
          name + " d c0");
    }
    for (int i = 0; i < torchNames.size(); i++) {
      Approx.assertMixed(weights.get(i).grad().toFloatArray(),
          floats(j.path("grad_weights").path(torchNames.get(i))), GRAD_TOL,
          name + " d " + torchNames.get(i));
    }
  }

  private static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) array.get(i).asDouble();
    }
    return out;
  }
}
