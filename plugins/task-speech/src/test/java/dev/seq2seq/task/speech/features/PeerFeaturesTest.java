package dev.seq2seq.task.speech.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.task.speech.Fsdd;
import dev.seq2seq.task.speech.audio.Audio;
import dev.seq2seq.task.speech.audio.AudioReader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The asr-small features of one FSDD file against numbers written by
 * {@code bench/speech_features_reference.py} (the peer's torchaudio defaults spelled out with
 * torch.stft, in float64).
 */
class PeerFeaturesTest {
  @TempDir Path cache;

  static Map<String, double[][]> reference() throws Exception {
    Map<String, double[][]> out = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        PeerFeaturesTest.class.getResourceAsStream("/fsdd-0_george_0-features.txt"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] head = line.split(" ");
        double[][] m = new double[Integer.parseInt(head[1])][];
        for (int i = 0; i < m.length; i++) {
          m[i] = java.util.Arrays.stream(r.readLine().trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        }
        out.put(head[0], m);
      }
    }
    return out;
  }

  @Test
  void matchesThePeersFeatures() throws Exception {
    Map<String, double[][]> ref = reference();
    Audio a = AudioReader.read(Fsdd.recordings(cache).resolve("0_george_0.wav"));
    FeatureExtractor fx = LogMelConfig.defaults().build(a.sampleRate());
    double[][] raw = fx.raw(a.samples());
    double[][] wantRaw = ref.get("raw");
    assertThat(raw.length).isEqualTo(wantRaw.length);
    for (int f = 0; f < raw.length; f++) {
      for (int m = 0; m < 40; m++) {
        // Printed to 7 significant digits; log energies are in [-14, 5].
        assertThat(raw[f][m]).as("raw[%d][%d]", f, m).isCloseTo(wantRaw[f][m], within(1e-4));
      }
    }
    float[][] stacked = fx.apply(a);
    double[][] want = ref.get("stacked");
    assertThat(stacked.length).isEqualTo(want.length);
    for (int f = 0; f < want.length; f++) {
      assertThat(stacked[f]).hasSize(80);
      for (int d = 0; d < 80; d++) {
        assertThat((double) stacked[f][d]).as("stacked[%d][%d]", f, d).isCloseTo(want[f][d], within(1e-4));
      }
    }
  }
}
