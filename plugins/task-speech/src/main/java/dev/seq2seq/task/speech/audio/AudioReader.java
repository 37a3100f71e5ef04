package dev.seq2seq.task.speech.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files: PCM 8-bit unsigned, 16/24/32-bit signed integers and 32-bit IEEE floats,
 * plain or {@code WAVE_FORMAT_EXTENSIBLE}, any channel count (mixed down to mono by the mean) and
 * any sample rate.
 *
 * <p>The header is parsed here rather than by {@code javax.sound} so that every failure names the
 * file and the exact problem (a truncated data chunk, a format code), which javax reports as a
 * generic "could not get audio input stream".
 */
public final class AudioReader {
  static final int FORMAT_PCM = 1;
  static final int FORMAT_FLOAT = 3;
  static final int FORMAT_EXTENSIBLE = 0xFFFE;

  private AudioReader() {}

  public static Audio read(Path file) throws AudioFormatException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new AudioFormatException(file.toString(), "no such file", e);
    } catch (IOException e) {
      throw new AudioFormatException(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
    }
    return read(bytes, file.toString());
  }

  /** Decodes WAV bytes; {@code source} names them in error messages. */
  public static Audio read(byte[] bytes, String source) throws AudioFormatException {
    if (bytes.length == 0) {
      throw new AudioFormatException(source, "empty file");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || !tag(bytes, 0).equals("RIFF") || !tag(bytes, 8).equals("WAVE")) {
      throw new AudioFormatException(source, "not a RIFF/WAVE file (expected 'RIFF....WAVE' at the start)");
    }
    Format format = null;
    int pos = 12;
    while (pos + 8 <= bytes.length) {
      String id = tag(bytes, pos);
      long size = Integer.toUnsignedLong(b.getInt(pos + 4));
      int body = pos + 8;
      if (id.equals("fmt ")) {
        if (body + size > bytes.length || size < 16) {
          throw new AudioFormatException(source, "truncated header: 'fmt ' chunk of " + size
              + " bytes, " + (bytes.length - body) + " present (at least 16 needed)");
        }
        format = Format.parse(b, body, (int) size, source);
      } else if (id.equals("data")) {
        if (format == null) {
          throw new AudioFormatException(source, "'data' chunk before the 'fmt ' chunk");
        }
        if (body + size > bytes.length) {
          throw new AudioFormatException(source, "truncated data chunk: header says " + size
              + " bytes, file has " + (bytes.length - body));
        }
        return format.decode(b, body, (int) size, source);
      }
      // Chunks are word aligned: an odd-sized chunk is followed by one pad byte.
      pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
    }
    throw new AudioFormatException(source, format == null
        ? "truncated header: no 'fmt ' chunk" : "no 'data' chunk");
  }

  static String tag(byte[] bytes, int at) {
    return new String(bytes, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** The parsed {@code fmt } chunk; {@code code} is PCM or FLOAT after unwrapping EXTENSIBLE. */
  record Format(int code, int channels, int sampleRate, int bits) {
    static Format parse(ByteBuffer b, int at, int size, String source) throws AudioFormatException {
      int code = Short.toUnsignedInt(b.getShort(at));
      int channels = Short.toUnsignedInt(b.getShort(at + 2));
      int rate = b.getInt(at + 4);
      int bits = Short.toUnsignedInt(b.getShort(at + 14));
      if (code == FORMAT_EXTENSIBLE) {
        // cbSize(2) validBits(2) channelMask(4) then the sub-format GUID, whose first two bytes
        // are the real format code.
        if (size < 40) {
          throw new AudioFormatException(source, "truncated header: WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk of "
              + size + " bytes (40 needed)");
        }
        code = Short.toUnsignedInt(b.getShort(at + 24));
      }
      if (channels == 0) {
        throw new AudioFormatException(source, "zero channels");
      }
      if (rate <= 0) {
        throw new AudioFormatException(source, "invalid sample rate " + Integer.toUnsignedString(rate));
      }
      if (code == FORMAT_PCM) {
        if (bits != 8 && bits != 16 && bits != 24 && bits != 32) {
          throw new AudioFormatException(source, "unsupported bit depth " + bits
              + " for integer PCM (8, 16, 24 and 32 are supported)");
        }
      } else if (code == FORMAT_FLOAT) {
        if (bits != 32) {
          throw new AudioFormatException(source, "unsupported bit depth " + bits
              + " for IEEE float (only 32 is supported)");
        }
      } else {
        throw new AudioFormatException(source, String.format(
            "unsupported format code 0x%04X (PCM 0x0001 and IEEE float 0x0003 are supported)", code));
      }
      return new Format(code, channels, rate, bits);
    }

    Audio decode(ByteBuffer b, int at, int size, String source) throws AudioFormatException {
      int bytesPerSample = bits / 8;
      int frameBytes = bytesPerSample * channels;
      if (size % frameBytes != 0) {
        throw new AudioFormatException(source, "truncated data chunk: " + size
            + " bytes is not a whole number of " + frameBytes + "-byte frames");
      }
      int frames = size / frameBytes;
      float[] out = new float[frames];
      int p = at;
      for (int f = 0; f < frames; f++) {
        double sum = 0;
        for (int c = 0; c < channels; c++, p += bytesPerSample) {
          sum += sample(b, p);
        }
        out[f] = (float) (sum / channels);
      }
      return new Audio(out, sampleRate);
    }

    /** One sample scaled so that full scale is [-1, 1) (the convention of torchaudio and sox). */
    private double sample(ByteBuffer b, int p) {
      if (code == FORMAT_FLOAT) {
        return b.getFloat(p);
      }
      return switch (bits) {
        case 8 -> (Byte.toUnsignedInt(b.get(p)) - 128) / 128.0;
        case 16 -> b.getShort(p) / 32768.0;
        case 24 -> ((b.get(p + 2) << 16) | ((b.get(p + 1) & 0xFF) << 8) | (b.get(p) & 0xFF)) / 8388608.0;
        default -> b.getInt(p) / 2147483648.0;
      };
    }
  }
}
