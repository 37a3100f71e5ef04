package dev.seq2seq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.nn.Init;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.weights.Weights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading a parameter store through a backend. Subclass it with a backend. */
public abstract class WeightsConformance {
  @TempDir Path dir;

  protected abstract Backend backend();

  private ParameterStore model(long seed, int hidden) {
    ParameterStore store = new ParameterStore(backend(), seed);
    ParameterStore rnn = store.child("encoder.rnn");
    rnn.create("weight_ih_l0", Init.uniform(0.1), 3 * hidden, 2);
    rnn.create("bias_ih_l0", Init.uniform(0.1), 3 * hidden);
    return store;
  }

  @Test
  public void roundTripCopiesEveryValueInPlace() throws IOException {
    ParameterStore saved = model(1, 2);
    Path file = dir.resolve("model.safetensors");
    Weights.save(file, saved, Map.of("format", "pt"));

    ParameterStore loaded = model(2, 2); // different seed: different initial values
    var before = loaded.parameters().get("encoder.rnn.bias_ih_l0").value();
    Map<String, String> metadata = Weights.load(file, loaded);
    assertThat(metadata).containsEntry("format", "pt");
    for (String name : saved.parameters().keySet()) {
      assertThat(loaded.parameters().get(name).value().toFloatArray())
          .as(name)
          .containsExactly(saved.parameters().get(name).value().toFloatArray());
    }
    assertThat(loaded.parameters().get("encoder.rnn.bias_ih_l0").value()).isSameAs(before);
  }

  @Test
  public void mismatchesAreReportedTogetherAndNothingIsChanged() throws IOException {
    ParameterStore saved = model(1, 2);
    saved.create("extra", Init.zeros(), 1);
    Path file = dir.resolve("other.safetensors");
    Weights.save(file, saved, Map.of());

    ParameterStore target = model(3, 4); // hidden 4: both shapes differ
    target.create("decoder.out.weight", Init.zeros(), 2, 2);
    float[] untouched = target.parameters().get("encoder.rnn.bias_ih_l0").value().toFloatArray();
    assertThatThrownBy(() -> Weights.load(file, target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing: decoder.out.weight")
        .hasMessageContaining("unexpected: extra")
        .hasMessageContaining("encoder.rnn.weight_ih_l0 (file [6, 2], model [12, 2])")
        .hasMessageContaining("encoder.rnn.bias_ih_l0 (file [6], model [12])");
    assertThat(target.parameters().get("encoder.rnn.bias_ih_l0").value().toFloatArray())
        .containsExactly(untouched);
  }
}
