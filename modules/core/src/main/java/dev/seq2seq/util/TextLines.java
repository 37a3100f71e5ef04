package dev.seq2seq.util;

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
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads text line by line from a file or a stream, gunzipping it when it starts with the gzip
 * magic bytes. Lines are split on byte {@code \n} and decoded one at a time with a strict
 * decoder, so an undecodable byte is reported at its own line and byte (a {@code Reader} decodes
 * ahead and would blame the wrong line); that needs an ASCII-compatible encoding (UTF-8, Latin-1,
 * Windows-1252, ...). A UTF-8 byte order mark and {@code \r\n} line ends are not text.
 *
 * <p>Every problem is thrown as the caller's own exception type (see {@link Errors}), with the
 * input's name and, for a line, its number.
 */
public final class TextLines implements Closeable {
  /** Makes the exceptions a reader throws, so that each task keeps its own error type. */
  @FunctionalInterface
  public interface Errors {
    RuntimeException error(String message, Throwable cause);
  }

  private final String name;
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final Errors errors;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private long lineNumber;

  private TextLines(String name, InputStream stream, Charset charset, Errors errors) {
    if (!Arrays.equals("a\n".getBytes(charset), new byte[] {'a', '\n'})) {
      throw errors.error(name + ": encoding " + charset + " is not ASCII-compatible", null);
    }
    this.name = name;
    this.errors = errors;
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
      throw errors.error(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Opens {@code file}; a missing, unreadable or non-regular file is reported by name. */
  public static TextLines open(Path file, Charset charset, Errors errors) {
    if (Files.isDirectory(file)) {
      throw errors.error(file + " is a folder, not a text file", null);
    }
    try {
      return new TextLines(file.toString(), Files.newInputStream(file), charset, errors);
    } catch (NoSuchFileException e) {
      throw errors.error(file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw errors.error(file + ": permission denied", e);
    } catch (IOException e) {
      throw errors.error(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads {@code in} (for example standard input), calling it {@code name} in messages. */
  public static TextLines of(String name, InputStream in, Charset charset, Errors errors) {
    return new TextLines(name, in, charset, errors);
  }

  public String name() {
    return name;
  }

  /** Lines read so far: the number of the line {@link #next} returned last. */
  public long lineNumber() {
    return lineNumber;
  }

  /** The next line without its line break ({@code \n} or {@code \r\n}), or null at the end. */
  public String next() {
    line.reset();
    int b;
    try {
      while ((b = in.read()) != -1 && b != '\n') {
        line.write(b);
      }
    } catch (IOException e) {
      throw errors.error(name + ":" + (lineNumber + 1) + ": read failed: " + e.getMessage(), e);
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
    if (lineNumber == 1 && n >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      start = 3; // a UTF-8 byte order mark is not text
    }
    try {
      return decoder.reset().decode(ByteBuffer.wrap(bytes, start, n - start)).toString();
    } catch (CharacterCodingException e) {
      int offset = firstBadByte(bytes, start, n);
      throw errors.error(name + ":" + lineNumber + ": bytes that are not valid "
          + decoder.charset() + " at byte " + offset + " of the line (0x"
          + String.format("%02x", bytes[offset] & 0xff)
          + "); declare the file's encoding (e.g. ISO-8859-1)", e);
    }
  }

  private int firstBadByte(byte[] bytes, int start, int end) {
    ByteBuffer input = ByteBuffer.wrap(bytes, start, end - start);
    CoderResult r = decoder.reset().decode(input, CharBuffer.allocate(2 * (end - start) + 2), true);
    return r.isError() ? input.position() : start;
  }

  /**
   * Skips {@code n} lines without decoding them (a resumed run's finished lines); returns how
   * many there were.
   */
  public long skip(long n) {
    long skipped = 0;
    try {
      while (skipped < n) {
        int b = in.read();
        if (b == -1) {
          break;
        }
        skipped++;
        while (b != '\n' && (b = in.read()) != -1) {
          // the rest of the line
        }
        if (b == -1) {
          break;
        }
      }
    } catch (IOException e) {
      throw errors.error(name + ":" + (lineNumber + 1) + ": read failed: " + e.getMessage(), e);
    }
    lineNumber += skipped;
    return skipped;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw errors.error("cannot close " + name + ": " + e.getMessage(), e);
    }
  }
}
