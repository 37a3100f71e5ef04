package dev.seq2seq.task.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class FlacStreamTest {
  @TempDir Path dir;

  /**
   * A minimal FLAC encoder for tests: fixed 256-sample blocks of VERBATIM subframes (legal FLAC
   * that every decoder reads), with the header CRC-8 and frame CRC-16 the format requires.
   */
  public static byte[] flac(int[][] channels, int rate, int bits) {
    int n = channels[0].length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'f', 'L', 'a', 'C', (byte) 0x80, 0, 0, 34});
    int block = 256;
    long info = ((long) rate << 44) | ((long) (channels.length - 1) << 41)
        | ((long) (bits - 1) << 36) | n;
    byte[] streamInfo = new byte[34];
    streamInfo[0] = 1; // min block size 256
    streamInfo[2] = 1; // max block size 256
    for (int i = 0; i < 8; i++) {
      streamInfo[10 + i] = (byte) (info >>> (56 - 8 * i));
    }
    out.writeBytes(streamInfo);
    for (int start = 0, number = 0; start < n; start += block, number++) {
      int size = Math.min(block, n - start);
      ByteArrayOutputStream f = new ByteArrayOutputStream();
      f.write(0xFF);
      f.write(0xF8);
      f.write(0x70); // block size: 16-bit (size - 1) at the end; rate from STREAMINFO
      int sizeCode = bits == 8 ? 1 : bits == 16 ? 4 : 6; // bits per sample, as the header codes it
      f.write(((channels.length - 1) << 4) | (sizeCode << 1));
      // The frame number, coded as UTF-8 codes a character (numbers below 2^16 here).
      if (number < 0x80) {
        f.write(number);
      } else if (number < 0x800) {
        f.write(0xC0 | (number >> 6));
        f.write(0x80 | (number & 0x3F));
      } else {
        f.write(0xE0 | (number >> 12));
        f.write(0x80 | ((number >> 6) & 0x3F));
        f.write(0x80 | (number & 0x3F));
      }
      f.write((size - 1) >> 8);
      f.write(size - 1);
      f.write(crc8(f.toByteArray()));
      for (int[] ch : channels) {
        f.write(0x02); // VERBATIM, no wasted bits
        for (int i = start; i < start + size; i++) {
          for (int b = bits - 8; b >= 0; b -= 8) {
            f.write(ch[i] >> b);
          }
        }
      }
      int crc = crc16(f.toByteArray());
      f.write(crc >> 8);
      f.write(crc);
      out.writeBytes(f.toByteArray());
    }
    return out.toByteArray();
  }

  private static int crc8(byte[] data) {
    int crc = 0;
    for (byte d : data) {
      crc ^= d & 0xff;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
      }
    }
    return crc;
  }

  private static int crc16(byte[] data) {
    int crc = 0;
    for (byte d : data) {
      crc ^= (d & 0xff) << 8;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
      }
    }
    return crc;
  }

  private static int[] ramp(int n, int step, int offset) {
    int[] x = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = (i * step + offset) % 30000 - 15000;
    }
    return x;
  }

  @Test
  void stereoSixteenBitIsDecodedExactlyAndMixedDown() throws IOException {
    int[] left = ramp(700, 37, 0);
    int[] right = ramp(700, 11, 5000);
    // Named .wav on purpose: the format is recognised by its first bytes, not the name.
    Path file = Files.write(dir.resolve("stereo.wav"), flac(new int[][] {left, right}, 16000, 16));
    try (SampleStream s = SampleStream.open(file)) {
      assertThat(s).isInstanceOf(FlacStream.class);
      assertThat(s.sampleRate()).isEqualTo(16000);
      assertThat(s.frames()).isEqualTo(700);
      float[] a = s.read(300); // across a frame boundary
      float[] b = s.read(1000);
      assertThat(s.remaining()).isZero();
      float[] all = new float[700];
      System.arraycopy(a, 0, all, 0, 300);
      System.arraycopy(b, 0, all, 300, 400);
      for (int i = 0; i < 700; i++) {
        float expected = (left[i] / 32768f + right[i] / 32768f) / 2;
        assertThat(all[i]).as("sample %d", i).isEqualTo(expected);
      }
    }
  }

  @Test
  void twentyFourBitMonoAndReadAll() throws IOException {
    int[] x = new int[300];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i * 52361) % 8_000_000 - 4_000_000;
    }
    Path file = Files.write(dir.resolve("mono.flac"), flac(new int[][] {x}, 8000, 24));
    Audio audio = SampleStream.readAll(file);
    assertThat(audio.sampleRate()).isEqualTo(8000);
    float[] expected = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      expected[i] = x[i] / 8388608f;
    }
    assertThat(audio.samples()).containsExactly(expected);
  }

  @Test
  void eightBitStereoKeepsItsSignAndFullRange() throws IOException {
    int[] left = {-128, -1, 0, 1, 127, -64, 100};
    int[] right = {127, 0, -128, 5, -5, 64, -100};
    Path file = Files.write(dir.resolve("eight.flac"), flac(new int[][] {left, right}, 8000, 8));
    Audio audio = SampleStream.readAll(file);
    float[] expected = new float[left.length];
    for (int i = 0; i < left.length; i++) {
      expected[i] = (left[i] / 128f + right[i] / 128f) / 2;
    }
    assertThat(audio.samples()).containsExactly(expected);
  }

  @Test
  void unsupportedSampleWidthIsNamed() throws IOException {
    // 12-bit samples are legal FLAC, but jflac's PCM output has no layout for them. Opening
    // reads only STREAMINFO, so the frames (which this encoder cannot pack in 12 bits) never are.
    Path file = Files.write(dir.resolve("twelve.flac"), flac(new int[][] {{0, 1, 2}}, 8000, 12));
    assertThatThrownBy(() -> SampleStream.open(file)).isInstanceOf(AudioFormatException.class)
        .hasMessage(file + ": FLAC with 12-bit samples is not supported (8, 16 and 24 are)");
  }

  @Test
  void truncatedCorruptAndBogusFilesAreNamed() throws IOException {
    byte[] good = flac(new int[][] {ramp(600, 7, 0)}, 8000, 16);
    Path cut = Files.write(dir.resolve("cut.flac"), Arrays.copyOf(good, good.length - 300));
    assertThatThrownBy(() -> SampleStream.readAll(cut)).isInstanceOf(AudioFormatException.class)
        .hasMessageStartingWith(cut + ": ").hasMessageContaining("FLAC");
    byte[] flipped = good.clone();
    flipped[good.length - 100] ^= 0x5A; // a sample byte in the last frame: its CRC-16 fails
    Path corrupt = Files.write(dir.resolve("corrupt.flac"), flipped);
    assertThatThrownBy(() -> SampleStream.readAll(corrupt))
        .isInstanceOf(AudioFormatException.class)
        .hasMessageStartingWith(corrupt + ": corrupt FLAC frame");
    Path bogus = Files.write(dir.resolve("bogus.flac"), "fLaC and then nonsense".getBytes());
    assertThatThrownBy(() -> SampleStream.open(bogus)).isInstanceOf(AudioFormatException.class)
        .hasMessageStartingWith(bogus + ": ");
    Path notAudio = Files.write(dir.resolve("notes.flac"), "just text".getBytes());
    assertThatThrownBy(() -> SampleStream.open(notAudio))
        .hasMessageContaining("not a RIFF/WAVE file");
  }
}
