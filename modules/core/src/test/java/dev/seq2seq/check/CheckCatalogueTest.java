package dev.seq2seq.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The self-check's catalogue, without a backend: every op and configuration the brief of {@code
 * seq2seq doctor} promises is present, once. Numerics are tested by the conformance kit, which
 * runs them on real backends.
 */
class CheckCatalogueTest {

  @Test
  void everyDifferentiableOpHasACheck() {
    Set<String> names =
        OpChecks.cases().stream().map(OpChecks.OpCase::name).collect(Collectors.toSet());
    assertThat(names).hasSize(OpChecks.cases().size()); // unique
    for (String op : List.of("add", "sub", "mul", "div", "add-scalar", "mul-scalar", "neg", "exp",
        "log", "sqrt", "square", "sigmoid", "tanh", "relu", "matmul", "matmul-batched",
        "matmul-flattened", "transpose", "reshape", "slice", "softmax", "log-softmax", "take",
        "take-along-axis", "masked-fill", "sum", "sum-axis", "mean", "max-axis", "concat", "stack",
        "dropout", "attach-gradient")) {
      assertThat(names).contains("op/" + op);
    }
    assertThat(names).anyMatch(n -> n.contains("broadcast"));
  }

  @Test
  void everyRecurrentConfigurationIsChecked() {
    List<RecurrentSpec> specs = RecurrentChecks.configs();
    assertThat(specs).hasSize(CellType.values().length * 2 * 2);
    assertThat(specs.stream().map(RecurrentChecks::name).distinct()).hasSize(specs.size());
    assertThat(specs.stream().map(RecurrentChecks::name))
        .contains("cell/lstm-bi-2layer", "cell/rnn_relu-uni-1layer", "cell/gru-bi-1layer");
  }
}
