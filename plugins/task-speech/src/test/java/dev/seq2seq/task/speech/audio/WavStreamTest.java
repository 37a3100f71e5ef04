package dev.seq2seq.task.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Block-by-block reading gives exactly what reading the whole file gives, errors included. */
class WavStreamTest {
  @TempDir Path dir;

  private static byte[] pcm16(int frames, int channels) {
    ByteBuffer b = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < frames * channels; i++) {
      b.putShort((short) ((i * 7919) % 65536 - 32768));
    }
    return b.array();
  }

  private static byte[] float32(int frames) {
    ByteBuffer b = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < frames; i++) {
      b.putFloat((float) Math.sin(i * 0.01));
    }
    return b.array();
  }

  private void sameAsWholeFile(byte[] wav, int block) throws Exception {
    Path f = Files.write(dir.resolve("x" + block + ".wav"), wav);
    Audio whole = AudioReader.read(f);
    try (WavStream s = WavStream.open(f)) {
      assertThat(s.sampleRate()).isEqualTo(whole.sampleRate());
      assertThat(s.frames()).isEqualTo(whole.length());
      float[] all = new float[0];
      while (s.remaining() > 0) {
        float[] part = s.read(block);
        assertThat(part.length).isLessThanOrEqualTo(block).isPositive();
        all = concat(all, part);
      }
      assertThat(s.read(block)).isEmpty();
      assertThat(all).containsExactly(whole.samples());
    }
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void readsStereoPcmAndFloatInBlocks() throws Exception {
    sameAsWholeFile(Wav.build(1, 2, 16000, 16, pcm16(1001, 2), false), 100);
    sameAsWholeFile(Wav.build(3, 1, 8000, 32, float32(777), true), 64);
  }

  @Test
  void reportsTheSameProblemsAsTheWholeFileReader() throws Exception {
    byte[] good = Wav.build(1, 1, 8000, 16, pcm16(100, 1), false);
    Path truncated = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(good, good.length - 11));
    assertThatThrownBy(() -> WavStream.open(truncated)).hasMessageContaining("cut.wav")
        .hasMessageContaining("truncated data chunk");
    Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);
    assertThatThrownBy(() -> WavStream.open(empty)).hasMessageContaining("empty file");
    Path text = Files.writeString(dir.resolve("t.wav"), "hello there, not audio");
    assertThatThrownBy(() -> WavStream.open(text)).hasMessageContaining("not a RIFF/WAVE");
    assertThatThrownBy(() -> WavStream.open(dir.resolve("missing.wav")))
        .hasMessageContaining("missing.wav").hasMessageContaining("no such file");
  }
}
