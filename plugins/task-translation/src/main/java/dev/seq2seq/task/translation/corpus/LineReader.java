package dev.seq2seq.task.translation.corpus;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a text file line by line, gunzipping it when it starts with the gzip magic bytes. Lines
 * are split on byte {@code \n} and decoded one at a time with a strict decoder, so an undecodable
 * byte is reported at its own line (a {@code Reader} decodes ahead and would blame the wrong
 * line). That needs an ASCII-compatible encoding (UTF-8, Latin-1, Windows-1252, ...).
 */
public final class LineReader implements Closeable {
  private final String file; // the name used in messages
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private long lineNumber;

  public LineReader(Path file, Charset charset) {
    this(open(file), file.toString(), charset);
  }

  /** Reads {@code stream} (standard input, say), naming it {@code name} in messages. */
  public LineReader(InputStream stream, String name, Charset charset) {
    if (!java.util.Arrays.equals("a\n".getBytes(charset), new byte[] {'a', '\n'})) {
      throw new CorpusException(name + ": encoding " + charset + " is not ASCII-compatible");
    }
    this.file = name;
    this.decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      InputStream raw = new BufferedInputStream(stream, 1 << 16);
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      this.in = gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
    } catch (IOException e) {
      throw new CorpusException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new CorpusException("file not found: " + file, e);
    } catch (IOException e) {
      throw new CorpusException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Lines read so far; after a {@code null} from {@link #next}, the file's line count. */
  public long lineNumber() {
    return lineNumber;
  }

  /** The next line without its line break, or null at the end of the file. */
  public String next() {
    line.reset();
    int b;
    try {
      while ((b = in.read()) != -1 && b != '\n') {
        line.write(b);
      }
    } catch (IOException e) {
      throw new CorpusException(file + ":" + (lineNumber + 1) + ": read failed: " + e.getMessage(), e);
    }
    if (b == -1 && line.size() == 0) {
      return null;
    }
    lineNumber++;
    byte[] bytes = line.toByteArray();
    int n = bytes.length;
    if (n > 0 && bytes[n - 1] == '\r') {
      n--;
    }
    int start = 0;
    if (lineNumber == 1 && n >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
      start = 3; // a UTF-8 byte order mark is not text
    }
    try {
      return decoder.reset().decode(ByteBuffer.wrap(bytes, start, n - start)).toString();
    } catch (CharacterCodingException e) {
      int offset = firstBadByte(bytes, start, n);
      throw new CorpusException(file + ":" + lineNumber + ": bytes that are not valid " + decoder.charset()
          + " at byte " + offset + " of the line (0x" + String.format("%02x", bytes[offset] & 0xff)
          + "); set the corpus encoding (e.g. ISO-8859-1) to the file's", e);
    }
  }

  private int firstBadByte(byte[] bytes, int start, int end) {
    ByteBuffer input = ByteBuffer.wrap(bytes, start, end - start);
    CoderResult r = decoder.reset().decode(input, CharBuffer.allocate(2 * (end - start) + 2), true);
    return r.isError() ? input.position() : start;
  }

  /**
   * Skips {@code n} lines without decoding them (a resumed run's done lines); returns how many
   * there were.
   */
  public long skip(long n) {
    long skipped = 0;
    try {
      while (skipped < n) {
        int b = in.read();
        if (b == -1) {
          break;
        }
        if (b == '\n') {
          skipped++;
        } else {
          int c;
          while ((c = in.read()) != -1 && c != '\n') {
            // rest of the line
          }
          skipped++;
          if (c == -1) {
            break;
          }
        }
      }
    } catch (IOException e) {
      throw new CorpusException(file + ":" + (lineNumber + 1) + ": read failed: " + e.getMessage(), e);
    }
    lineNumber += skipped;
    return skipped;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new CorpusException("cannot close " + file + ": " + e.getMessage(), e);
    }
  }
}
