package dev.seq2seq.task.speech;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes 16-bit mono PCM WAV files for tests. */
public final class TestWavs {
  private TestWavs() {}

  public static Path write(Path file, float[] samples, int rate) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + 2 * samples.length).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
        .putInt(2 * rate).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(2 * samples.length);
    for (float s : samples) {
      b.putShort((short) Math.round(Math.max(-1, Math.min(1, s)) * 32767));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, b.array());
    return file;
  }

  /** A tone of {@code seconds} at {@code hz}, amplitude 0.5. */
  public static float[] tone(double hz, double seconds, int rate) {
    float[] x = new float[(int) Math.round(seconds * rate)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return x;
  }
}
