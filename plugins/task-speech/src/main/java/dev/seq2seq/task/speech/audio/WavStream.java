package dev.seq2seq.task.speech.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A WAV file read block by block, for recordings too long to hold in memory: the header is parsed
 * as {@link AudioReader} parses it (same checks, same messages), then {@link #read} decodes the
 * next frames (channels mixed down) on demand.
 */
public final class WavStream implements SampleStream {
  private final FileChannel channel;
  private final String source;
  private final AudioReader.Format format;
  private final long dataStart;
  private final long frames;
  private long position; // frames read so far

  private WavStream(FileChannel channel, String source, AudioReader.Format format, long dataStart,
      long frames) {
    this.channel = channel;
    this.source = source;
    this.format = format;
    this.dataStart = dataStart;
    this.frames = frames;
  }

  /** Opens {@code file} and checks its header and the length of its data chunk. */
  public static WavStream open(Path file) throws AudioFormatException {
    String source = file.toString();
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new AudioFormatException(source, "no such file", e);
    } catch (IOException e) {
      throw new AudioFormatException(source, "cannot be read (" + e.getMessage() + ")", e);
    }
    try {
      return parse(ch, source);
    } catch (AudioFormatException | RuntimeException e) {
      closeQuietly(ch);
      throw e;
    } catch (IOException e) {
      closeQuietly(ch);
      throw new AudioFormatException(source, "cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static WavStream parse(FileChannel ch, String source) throws IOException {
    long length = ch.size();
    if (length == 0) {
      throw new AudioFormatException(source, "empty file");
    }
    byte[] riff = readAt(ch, 0, 12);
    if (riff.length < 12 || !AudioReader.tag(riff, 0).equals("RIFF")
        || !AudioReader.tag(riff, 8).equals("WAVE")) {
      throw new AudioFormatException(source, "not a RIFF/WAVE file (expected 'RIFF....WAVE' at the start)");
    }
    AudioReader.Format format = null;
    long pos = 12;
    while (pos + 8 <= length) {
      byte[] head = readAt(ch, pos, 8);
      String id = AudioReader.tag(head, 0);
      long size = Integer.toUnsignedLong(ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(4));
      long body = pos + 8;
      if (id.equals("fmt ")) {
        if (body + size > length || size < 16) {
          throw new AudioFormatException(source, "truncated header: 'fmt ' chunk of " + size
              + " bytes, " + (length - body) + " present (at least 16 needed)");
        }
        byte[] fmt = readAt(ch, body, (int) Math.min(size, 1 << 16));
        format = AudioReader.Format.parse(ByteBuffer.wrap(fmt).order(ByteOrder.LITTLE_ENDIAN), 0,
            fmt.length, source);
      } else if (id.equals("data")) {
        if (format == null) {
          throw new AudioFormatException(source, "'data' chunk before the 'fmt ' chunk");
        }
        if (body + size > length) {
          throw new AudioFormatException(source, "truncated data chunk: header says " + size
              + " bytes, file has " + (length - body));
        }
        int frameBytes = format.bits() / 8 * format.channels();
        if (size % frameBytes != 0) {
          throw new AudioFormatException(source, "truncated data chunk: " + size
              + " bytes is not a whole number of " + frameBytes + "-byte frames");
        }
        return new WavStream(ch, source, format, body, size / frameBytes);
      }
      pos = body + size + (size & 1);
    }
    throw new AudioFormatException(source, format == null
        ? "truncated header: no 'fmt ' chunk" : "no 'data' chunk");
  }

  @Override
  public int sampleRate() {
    return format.sampleRate();
  }

  /** Frames (samples per channel) in the file. */
  @Override
  public long frames() {
    return frames;
  }

  @Override
  public double seconds() {
    return frames / (double) format.sampleRate();
  }

  /** Frames not read yet. */
  @Override
  public long remaining() {
    return frames - position;
  }

  /** The next {@code max} frames or fewer (none at the end), mixed down to mono. */
  @Override
  public float[] read(int max) throws AudioFormatException {
    int n = (int) Math.min(max, remaining());
    int frameBytes = format.bits() / 8 * format.channels();
    try {
      byte[] bytes = readAt(channel, dataStart + position * frameBytes, n * frameBytes);
      if (bytes.length < n * frameBytes) {
        throw new AudioFormatException(source, "file shrank while being read");
      }
      position += n;
      return format.decode(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), 0, bytes.length,
          source).samples();
    } catch (AudioFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new AudioFormatException(source, "cannot be read (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public void close() {
    closeQuietly(channel);
  }

  private static byte[] readAt(FileChannel ch, long at, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (ch.read(b, at + b.position()) < 0) {
        break;
      }
    }
    byte[] out = new byte[b.position()];
    b.flip().get(out);
    return out;
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // nothing was written; a failed close loses nothing
    }
  }
}
