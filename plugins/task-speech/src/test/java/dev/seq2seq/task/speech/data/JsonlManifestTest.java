package dev.seq2seq.task.speech.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.task.speech.TestWavs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlManifestTest {
  @TempDir Path dir;

  private Path manifest(String... lines) throws Exception {
    Path m = dir.resolve("lists/train.jsonl");
    Files.createDirectories(m.getParent());
    Files.write(m, List.of(lines));
    return m;
  }

  @Test
  void readsEntriesWithPathsRelativeToTheManifest() throws Exception {
    Path wav = TestWavs.write(dir.resolve("clips/a.wav"), TestWavs.tone(440, 0.5, 16000), 16000);
    Path m = manifest(
        "{\"audio\": \"../clips/a.wav\", \"text\": \"Hello  World\", \"duration\": 0.5}",
        "",
        "{\"audio\": \"" + wav.toAbsolutePath() + "\", \"text\": \"it's\"}");
    List<JsonlManifest.Entry> entries = JsonlManifest.read(m);
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).audio()).isEqualTo(wav.toAbsolutePath().normalize());
    assertThat(entries.get(0).duration()).isEqualTo(0.5);
    assertThat(entries.get(1).duration()).isNull();
    assertThat(entries.get(1).line()).isEqualTo(3);
    List<Utterance> utterances = JsonlManifest.utterances(m);
    assertThat(utterances.get(0).text()).isEqualTo("hello world");
    // Any rate is resampled to the one asked for.
    assertThat(utterances.get(0).audio().load(8000).length()).isEqualTo(4000);
  }

  @Test
  void errorsNameTheManifestLineAndProblem() throws Exception {
    String ok = "{\"audio\": \"a.wav\", \"text\": \"yes\"}";
    assertThatThrownBy(() -> JsonlManifest.read(manifest(ok, "{\"audio\": \"a.wav\", \"text\": ")))
        .hasMessageContaining("train.jsonl:2").hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> JsonlManifest.read(manifest(ok, ok, "{\"audio\": \"a.wav\"}")))
        .hasMessageContaining("train.jsonl:3").hasMessageContaining("\"text\"");
    assertThatThrownBy(() -> JsonlManifest.read(manifest("{\"text\": \"no\"}")))
        .hasMessageContaining("train.jsonl:1").hasMessageContaining("\"audio\"");
    assertThatThrownBy(() -> JsonlManifest.read(manifest("[1, 2]")))
        .hasMessageContaining("train.jsonl:1").hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> JsonlManifest.read(manifest(
        "{\"audio\": \"a.wav\", \"text\": \"x\", \"duration\": -1}")))
        .hasMessageContaining("train.jsonl:1").hasMessageContaining("duration");
    assertThatThrownBy(() -> JsonlManifest.read(manifest("{\"audio\": \"a.wav\", \"text\": \"4 you\"}")))
        .hasMessageContaining("train.jsonl:1").hasMessageContaining("'4'");
    assertThatThrownBy(() -> JsonlManifest.read(manifest("", " ")))
        .hasMessageContaining("no entries");
    assertThatThrownBy(() -> JsonlManifest.read(dir.resolve("nope.jsonl")))
        .hasMessageContaining("nope.jsonl").hasMessageContaining("not found");
  }

  @Test
  void aMissingAudioFileIsNamedWhenRead() throws Exception {
    Utterance u = JsonlManifest.utterances(manifest("{\"audio\": \"gone.wav\", \"text\": \"x\"}")).get(0);
    assertThatThrownBy(() -> u.audio().load(8000)).hasMessageContaining("gone.wav")
        .hasMessageContaining("no such file");
  }
}
