package dev.seq2seq.task.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LmMetricsTest {

  @Test
  void uniformOverFourSymbolsIsTwoBitsAndPerplexityFour() {
    // 10 predictions each with probability 1/4: NLL 10 ln 4.
    Map<String, Double> m = LmMetrics.of(10 * Math.log(4), 10, LmDataConfig.Level.CHAR);
    assertThat(m.get("loss")).isCloseTo(Math.log(4), within(1e-12));
    assertThat(m.get("bits_per_char")).isCloseTo(2.0, within(1e-12));
    assertThat(m.get("perplexity")).isCloseTo(4.0, within(1e-12));
    assertThat(m.get("tokens")).isEqualTo(10.0);
  }

  @Test
  void wordModelsReportBitsPerWord() {
    // Probabilities 1/2 and 1/8: mean NLL (ln 2 + ln 8) / 2 = 2 ln 2, i.e. 2 bits, perplexity 4.
    Map<String, Double> m = LmMetrics.of(Math.log(2) + Math.log(8), 2, LmDataConfig.Level.WORD);
    assertThat(m).containsOnlyKeys("loss", "bits_per_word", "perplexity", "tokens");
    assertThat(m.get("bits_per_word")).isCloseTo(2.0, within(1e-12));
    assertThat(m.get("perplexity")).isCloseTo(4.0, within(1e-12));
  }
}
