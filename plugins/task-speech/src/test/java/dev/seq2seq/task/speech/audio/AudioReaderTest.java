package dev.seq2seq.task.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioReaderTest {
  private static final double[] VALUES = {0, 0.5, -0.5, 0.25, -1, 0.999};

  /** Integer PCM clamps at full scale - 1 LSB, as real encoders do. */
  private static byte[] encode(int bits, boolean isFloat, double[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * bits / 8).order(ByteOrder.LITTLE_ENDIAN);
    for (double x : v) {
      if (isFloat) {
        b.putFloat((float) x);
      } else if (bits == 8) {
        b.put((byte) (Math.min(127, Math.round(x * 128)) + 128));
      } else if (bits == 16) {
        b.putShort((short) Math.min(32767, Math.round(x * 32768)));
      } else if (bits == 24) {
        int s = (int) Math.min(8388607, Math.round(x * 8388608));
        b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
      } else {
        b.putInt((int) Math.min(Integer.MAX_VALUE, Math.round(x * 2147483648.0)));
      }
    }
    return b.array();
  }

  private static void roundTrip(int code, int bits, boolean extensible, double tolerance) throws Exception {
    byte[] wav = Wav.build(code, 1, 22050, bits, encode(bits, code == 3, VALUES), extensible);
    Audio a = AudioReader.read(wav, "t.wav");
    assertThat(a.sampleRate()).isEqualTo(22050);
    assertThat(a.length()).isEqualTo(VALUES.length);
    for (int i = 0; i < VALUES.length; i++) {
      assertThat((double) a.samples()[i]).as("%d-bit sample %d", bits, i).isCloseTo(VALUES[i], within(tolerance));
    }
  }

  @Test
  void readsEveryPcmFormat() throws Exception {
    roundTrip(1, 8, false, 1 / 128.0);
    roundTrip(1, 16, false, 1 / 32768.0);
    roundTrip(1, 24, false, 1 / 8388608.0);
    roundTrip(1, 32, false, 1e-7);
    roundTrip(3, 32, false, 1e-7);
  }

  @Test
  void readsExtensibleHeaders() throws Exception {
    roundTrip(1, 16, true, 1 / 32768.0);
    roundTrip(1, 24, true, 1 / 8388608.0);
    roundTrip(3, 32, true, 1e-7);
  }

  @Test
  void fullScaleIntegersMapToMinusOne() throws Exception {
    byte[] data = {0, (byte) 0x80, (byte) 0xFF, 0x7F};
    float[] s = AudioReader.read(Wav.build(1, 1, 8000, 16, data, false), "x").samples();
    assertThat(s[0]).isEqualTo(-1f);
    assertThat((double) s[1]).isCloseTo(32767 / 32768.0, within(1e-9));
  }

  @Test
  void mixesChannelsDownByTheMean() throws Exception {
    // Three frames of (left, right): (0.5, -0.5), (0.25, 0.75), (-1, -0.5).
    double[] interleaved = {0.5, -0.5, 0.25, 0.75, -1, -0.5};
    Audio a = AudioReader.read(Wav.build(1, 2, 44100, 16, encode(16, false, interleaved), false), "st.wav");
    assertThat(a.length()).isEqualTo(3);
    assertThat(a.samples()).containsExactly(new float[] {0f, 0.5f, -0.75f}, org.assertj.core.data.Offset.offset(1e-6f));
    double[] six = new double[12];
    Arrays.fill(six, 0.25);
    Audio surround = AudioReader.read(Wav.build(3, 6, 48000, 32, encode(32, true, six), true), "6ch.wav");
    assertThat(surround.samples()).containsExactly(0.25f, 0.25f);
  }

  @Test
  void readsFilesAndNamesMissingOnes(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("ok.wav");
    Files.write(f, Wav.build(1, 1, 16000, 16, encode(16, false, VALUES), false));
    assertThat(AudioReader.read(f).length()).isEqualTo(VALUES.length);
    Path missing = dir.resolve("missing.wav");
    assertThatThrownBy(() -> AudioReader.read(missing)).isInstanceOf(AudioFormatException.class)
        .hasMessageContaining("missing.wav").hasMessageContaining("no such file");
    Path empty = dir.resolve("empty.wav");
    Files.write(empty, new byte[0]);
    assertThatThrownBy(() -> AudioReader.read(empty)).hasMessageContaining("empty.wav").hasMessageContaining("empty file");
  }

  private static void fails(byte[] bytes, String problem) {
    assertThatThrownBy(() -> AudioReader.read(bytes, "bad.wav")).isInstanceOf(AudioFormatException.class)
        .hasMessageStartingWith("bad.wav: ").hasMessageContaining(problem);
  }

  @Test
  void namesEveryProblem() {
    byte[] good = Wav.build(1, 1, 8000, 16, encode(16, false, VALUES), false);
    fails("hello, not audio at all".getBytes(), "not a RIFF/WAVE file");
    fails(Arrays.copyOf(good, 8), "not a RIFF/WAVE file");
    // Cut inside the fmt chunk (RIFF 12 + LIST 12 + fmt header 8 + 6 bytes).
    fails(Arrays.copyOf(good, 38), "truncated header");
    fails(Arrays.copyOf(good, 24), "truncated header: no 'fmt ' chunk");
    fails(Arrays.copyOf(good, good.length - 3), "truncated data chunk");
    fails(Wav.build(2, 1, 8000, 16, new byte[4], false), "unsupported format code 0x0002");
    fails(Wav.build(1, 1, 8000, 12, new byte[4], false), "unsupported bit depth 12");
    fails(Wav.build(3, 1, 8000, 64, new byte[8], false), "unsupported bit depth 64 for IEEE float");
    fails(Wav.build(1, 0, 8000, 16, new byte[4], false), "zero channels");
    fails(Wav.build(1, 2, 8000, 16, new byte[6], false), "not a whole number of 4-byte frames");
    byte[] noData = Arrays.copyOf(good, 12 + 12 + 8 + 16);
    fails(noData, "no 'data' chunk");
  }
}
