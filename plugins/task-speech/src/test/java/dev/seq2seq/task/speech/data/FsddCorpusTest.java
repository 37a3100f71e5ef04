package dev.seq2seq.task.speech.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.task.speech.Fsdd;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official FSDD split from the catalogue's recordings. */
class FsddCorpusTest {
  @TempDir Path cache;

  private static int index(Utterance u) {
    return FsddRecording.of(Path.of(u.id())).index();
  }

  @Test
  void splitsTakesZeroToFourIntoTestAndHoldsOutValidationTakes() throws Exception {
    Path folder = Fsdd.recordings(cache);
    Corpus c = new FsddCorpusConfig("", 3).load(() -> folder, 1);
    assertThat(c.test()).hasSize(250).allSatisfy(u -> assertThat(index(u)).isBetween(0, 4));
    assertThat(c.validation()).hasSize(150).allSatisfy(u -> assertThat(index(u)).isBetween(5, 7));
    assertThat(c.train()).hasSize(2100).allSatisfy(u -> assertThat(index(u)).isBetween(8, 49));
    Set<String> seen = new HashSet<>();
    for (List<Utterance> split : List.of(c.train(), c.validation(), c.test())) {
      for (Utterance u : split) {
        assertThat(seen.add(u.id())).as(u.id()).isTrue();
        int digit = FsddRecording.of(Path.of(u.id())).digit();
        assertThat(u.text()).isEqualTo(FsddRecording.WORDS.get(digit));
      }
    }
    assertThat(c.test().get(0).audio().load(8000).sampleRate()).isEqualTo(8000);
    assertThat(c.test().get(0).audio().load(16000).sampleRate()).isEqualTo(16000);
  }

  @Test
  void withoutHeldOutTakesValidatesOnTrainingTakes() throws Exception {
    Path folder = Fsdd.recordings(cache);
    Corpus c = new FsddCorpusConfig("", 0).load(() -> folder, 1);
    assertThat(c.train()).hasSize(2250);
    assertThat(c.validation()).hasSize(250);
    assertThat(c.train().stream().map(Utterance::id).toList())
        .containsAll(c.validation().stream().map(Utterance::id).toList());
  }

  @Test
  void namesAFileThatIsNotAnFsddRecording(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> FsddRecording.of(dir.resolve("seven.wav")))
        .hasMessageContaining("seven.wav").hasMessageContaining("{digit}_{speaker}_{index}.wav");
    assertThatThrownBy(() -> new FsddCorpusConfig(dir.resolve("missing").toString(), 0).load(() -> null, 1))
        .hasMessageContaining("missing").hasMessageContaining("not found");
    assertThatThrownBy(() -> new FsddCorpusConfig(dir.toString(), 0).load(() -> null, 1))
        .hasMessageContaining("no .wav recordings");
  }
}
