package dev.seq2seq.task.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.task.lm.text.FileTextConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text is cut in order: [ training | validation | test ]. */
class LmCorpusTest {

  static LmDataConfig data(double validation, double test) {
    return new LmDataConfig(new FileTextConfig(Path.of("t.txt")), "utf-8", LmDataConfig.Level.CHAR,
        validation, test, 1, 0, 100, 16);
  }

  static List<String> tokens(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Integer.toString(i));
    }
    return out;
  }

  @Test
  void theLastTenPercentIsValidationAndTestDefaultsToIt() throws IOException {
    LmCorpus c = LmCorpus.split("t.txt", tokens(100), data(0.1, 0.0));
    assertThat(c.train()).hasSize(90).endsWith("89");
    assertThat(c.validation()).containsExactlyElementsOf(tokens(100).subList(90, 100));
    assertThat(c.test()).isSameAs(c.validation());
  }

  @Test
  void aTestPartComesLast() throws IOException {
    LmCorpus c = LmCorpus.split("t.txt", tokens(100), data(0.1, 0.05));
    assertThat(c.train()).hasSize(85);
    assertThat(c.validation()).containsExactlyElementsOf(tokens(100).subList(85, 95));
    assertThat(c.test()).containsExactlyElementsOf(tokens(100).subList(95, 100));
  }

  @Test
  void aTextTooShortToHoldOutIsNamed() {
    assertThatThrownBy(() -> LmCorpus.split("short.txt", tokens(12), data(0.1, 0.0)))
        .hasMessageStartingWith("short.txt: 12 char tokens are too few");
  }
}
