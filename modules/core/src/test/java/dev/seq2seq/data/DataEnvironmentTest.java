package dev.seq2seq.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataEnvironmentTest {
  @TempDir Path tmp;

  @Test
  void readsTheVariables() {
    DataEnvironment env = DataEnvironment.from(
        Map.of("SEQ2SEQ_DATA", tmp.toString(), "SEQ2SEQ_CACHE", tmp.resolve("c").toString(), "SEQ2SEQ_OFFLINE", "1"), "/home/x");
    assertThat(env.mirror()).contains(tmp.toAbsolutePath().normalize());
    assertThat(env.cache()).isEqualTo(tmp.resolve("c").resolve("data").toAbsolutePath());
    assertThat(env.offline()).isTrue();
  }

  @Test
  void defaultsToTheUserCache() {
    DataEnvironment env = DataEnvironment.from(Map.of(), tmp.toString());
    assertThat(env.mirror()).isEmpty();
    assertThat(env.cache()).isEqualTo(tmp.resolve(".cache/seq2seq/data"));
    assertThat(env.offline()).isFalse();
    assertThat(DataEnvironment.from(Map.of("XDG_CACHE_HOME", tmp.resolve("x").toString()), "/home/x").cache())
        .isEqualTo(tmp.resolve("x/seq2seq/data"));
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> DataEnvironment.from(Map.of("SEQ2SEQ_DATA", tmp.resolve("nope").toString()), "/h"))
        .hasMessageContaining("SEQ2SEQ_DATA=" + tmp.resolve("nope"))
        .hasMessageContaining("is not a folder");
    assertThatThrownBy(() -> DataEnvironment.from(Map.of("SEQ2SEQ_OFFLINE", "maybe"), "/h"))
        .hasMessageContaining("SEQ2SEQ_OFFLINE=maybe must be");
  }
}
