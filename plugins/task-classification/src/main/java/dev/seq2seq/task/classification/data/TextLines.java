package dev.seq2seq.task.classification.data;

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

/**
 * Reads text line by line from a file or a stream. Lines are split on byte {@code \n} and decoded
 * one at a time with a strict decoder, so an undecodable byte is reported at its own line (a
 * {@code Reader} decodes ahead and would blame the wrong line); this needs an ASCII-compatible
 * encoding (UTF-8, Latin-1, Windows-1252, ...). The same idea as translation's corpus reader,
 * kept separate because tasks do not depend on each other.
 */
public final class TextLines implements Closeable {
  private final String name;
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private long lineNumber;

  private TextLines(String name, InputStream in, Charset charset) {
    if (!Arrays.equals("a\n".getBytes(charset), new byte[] {'a', '\n'})) {
      throw new DataException(name + ": encoding " + charset + " is not ASCII-compatible");
    }
    this.name = name;
    this.in = in;
    this.decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Opens {@code file}; a missing, unreadable or non-regular file is a {@link DataException}. */
  public static TextLines open(Path file, Charset charset) {
    if (Files.isDirectory(file)) {
      throw new DataException(file + " is a folder, not a text file");
    }
    try {
      return new TextLines(file.toString(),
          new BufferedInputStream(Files.newInputStream(file), 1 << 16), charset);
    } catch (NoSuchFileException e) {
      throw new DataException(file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new DataException(file + ": permission denied", e);
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads {@code in} (for example standard input), calling it {@code name} in messages. */
  public static TextLines of(String name, InputStream in, Charset charset) {
    return new TextLines(name, new BufferedInputStream(in, 1 << 16), charset);
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
      throw new DataException(name + ":" + (lineNumber + 1) + ": read failed: " + e.getMessage(), e);
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
      throw new DataException(name + ":" + lineNumber + ": bytes that are not valid "
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

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new DataException("cannot close " + name + ": " + e.getMessage(), e);
    }
  }
}
