package dev.seq2seq.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsLogTest {
  @Test
  void collectsEveryNumericFieldByKindAndStep() {
    MetricsLog log =
        MetricsLog.parse(
            List.of(
                "{\"step\": 1, \"kind\": \"train\", \"loss\": 4.0, \"lr\": 0.001, \"tokens_per_s\": 900}",
                "{\"step\": 2, \"kind\": \"train\", \"loss\": 3.0, \"lr\": 0.002, \"note\": \"warm\"}",
                "{\"step\": 2, \"kind\": \"validation\", \"loss\": 3.5, \"bleu\": 1.5, \"epoch\": 0}"));
    assertThat(log.train()).containsOnlyKeys("loss", "lr", "tokens_per_s");
    assertThat(log.train().get("loss")).containsExactly(entry(1L, 4.0), entry(2L, 3.0));
    assertThat(log.valid()).containsOnlyKeys("loss", "bleu");
    assertThat(log.usableLines()).isEqualTo(3);
    assertThat(log.skippedLines()).isZero();
  }

  @Test
  void skipsAndCountsMalformedLinesButNotBlankOnes() {
    MetricsLog log =
        MetricsLog.parse(
            List.of(
                "{\"step\": 1, \"kind\": \"train\", \"loss\": 4.0}",
                "",
                "loss=3.0",
                "[1, 2]",
                "{\"kind\": \"train\", \"loss\": 1}",
                "{\"step\": \"3\", \"kind\": \"train\", \"loss\": 1}",
                "{\"step\": 4, \"kind\": \"test\", \"loss\": 1}",
                "{\"step\": 5, \"kind\": \"train\", \"lr\": 0.1}",
                "{\"step\": 6, \"kind\": \"validation\", \"note\": \"x\"}",
                "{\"step\": 7, \"kind\": \"train\", \"lo")); // half-written while training
    assertThat(log.usableLines()).isEqualTo(1);
    assertThat(log.skippedLines()).isEqualTo(8);
    assertThat(log.problems())
        .containsExactly(
            "line 3: not valid JSON",
            "line 4: not a JSON object",
            "line 5: no integer 'step'",
            "line 6: no integer 'step'",
            "line 7: 'kind' is neither \"train\" nor \"validation\"",
            "line 8: train line without a numeric 'loss'",
            "line 9: valid line without any numeric metric",
            "line 10: not valid JSON");
  }

  @Test
  void aResumedRunKeepsTheLastValueOfARepeatedStep() {
    MetricsLog log =
        MetricsLog.parse(
            List.of(
                "{\"step\": 10, \"kind\": \"train\", \"loss\": 2.0}",
                "{\"step\": 20, \"kind\": \"train\", \"loss\": 1.8}",
                "{\"step\": 10, \"kind\": \"train\", \"loss\": 2.1}",
                "{\"step\": 15, \"kind\": \"train\", \"loss\": 1.9}"));
    assertThat(log.train().get("loss"))
        .containsExactly(entry(10L, 2.1), entry(15L, 1.9), entry(20L, 1.8));
  }

  @Test
  void nonFiniteValuesInEitherSpellingAreKept() {
    MetricsLog log =
        MetricsLog.parse(
            List.of(
                "{\"step\": 1, \"kind\": \"train\", \"loss\": NaN}",
                "{\"step\": 2, \"kind\": \"train\", \"loss\": \"NaN\"}",
                "{\"step\": 3, \"kind\": \"train\", \"loss\": \"Infinity\"}"));
    assertThat(log.usableLines()).isEqualTo(3);
    assertThat(log.train().get("loss").values()).allMatch(v -> !Double.isFinite(v));
  }

  @Test
  void keepsOnlyTheFirstTenProblems() {
    List<String> lines = Collections.nCopies(25, "garbage");
    MetricsLog log = MetricsLog.parse(lines);
    assertThat(log.skippedLines()).isEqualTo(25);
    assertThat(log.problems()).hasSize(MetricsLog.MAX_PROBLEMS);
  }
}
