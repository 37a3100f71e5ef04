package dev.seq2seq.task.speech.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds WAV bytes in tests, so every format is exercised without binary fixtures. */
final class Wav {
  private Wav() {}

  /** RIFF/WAVE with a plain (16-byte) or extensible (40-byte) fmt chunk around {@code data}. */
  static byte[] build(int code, int channels, int rate, int bits, byte[] data, boolean extensible) {
    ByteBuffer fmt = ByteBuffer.allocate(extensible ? 40 : 16).order(ByteOrder.LITTLE_ENDIAN);
    fmt.putShort((short) (extensible ? 0xFFFE : code)).putShort((short) channels).putInt(rate)
        .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
    if (extensible) {
      fmt.putShort((short) 22).putShort((short) bits).putInt(0);
      fmt.putShort((short) code).put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] f = fmt.array();
    int riffSize = 4 + 8 + f.length + 8 + data.length + (data.length & 1);
    out.writeBytes(le(riffSize, "RIFF"));
    out.writeBytes("WAVE".getBytes());
    // An unrelated chunk of odd size first: readers must skip it and its pad byte.
    out.writeBytes(le(3, "LIST"));
    out.writeBytes(new byte[] {1, 2, 3, 0});
    out.writeBytes(le(f.length, "fmt "));
    out.writeBytes(f);
    out.writeBytes(le(data.length, "data"));
    out.writeBytes(data);
    return out.toByteArray();
  }

  static byte[] le(int size, String tag) {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    b.put(tag.getBytes()).putInt(size);
    return b.array();
  }
}
