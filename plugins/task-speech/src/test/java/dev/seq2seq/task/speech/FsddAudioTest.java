package dev.seq2seq.task.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.task.speech.audio.Audio;
import dev.seq2seq.task.speech.audio.AudioReader;
import dev.seq2seq.task.speech.features.FeatureExtractor;
import dev.seq2seq.task.speech.features.LogMelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real data: one speaker's recordings, read and featurised. */
class FsddAudioTest {
  @TempDir Path cache;

  @Test
  void readsEveryRecordingOfOneSpeaker() throws Exception {
    Path folder = Fsdd.recordings(cache);
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.getFileName().toString().matches("\\d_george_\\d+\\.wav")).sorted().toList();
    }
    assertThat(files).hasSize(500);
    double min = Double.MAX_VALUE;
    double max = 0;
    for (Path f : files) {
      Audio a = AudioReader.read(f);
      assertThat(a.sampleRate()).as(f.toString()).isEqualTo(8000);
      // 16-bit mono: header 44 bytes (FSDD files have no extra chunks), 2 bytes per sample.
      assertThat(a.length()).as(f.toString()).isEqualTo((Files.size(f) - 44) / 2);
      for (float v : a.samples()) {
        assertThat(v).isBetween(-1f, 1f);
      }
      min = Math.min(min, a.seconds());
      max = Math.max(max, a.seconds());
    }
    assertThat(min).isBetween(0.14, 0.5);
    assertThat(max).isBetween(0.5, 1.31);
  }

  @Test
  void asrSmallFeaturesHaveTheBenchmarkShape() throws Exception {
    Audio a = AudioReader.read(Fsdd.recordings(cache).resolve("7_george_12.wav"));
    FeatureExtractor fx = LogMelConfig.defaults().build(8000);
    double[][] raw = fx.raw(a.samples());
    assertThat(raw.length).isEqualTo(1 + a.length() / 80);
    assertThat(raw[0]).hasSize(40);
    float[][] stacked = fx.apply(a);
    assertThat(stacked.length).isEqualTo(raw.length / 2);
    assertThat(stacked[0]).hasSize(80);
    assertThat(fx.dims()).isEqualTo(80);
  }
}
