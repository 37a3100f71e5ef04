package dev.seq2seq.task.lm.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a whole text file strictly: every problem names the file. */
public final class TextFile {
  private TextFile() {}

  /**
   * The decoded text of {@code file}.
   *
   * @throws TextFileException when the file is missing, a folder, empty, or not valid in {@code
   *     charset} (the message gives the byte offset of the first bad sequence)
   */
  public static String read(Path file, Charset charset) throws IOException {
    if (!Files.exists(file)) {
      throw new TextFileException(file + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new TextFileException(file + ": not a regular file");
    }
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length == 0) {
      throw new TextFileException(file + ": the file is empty");
    }
    return decode(file.toString(), bytes, charset);
  }

  /** Decodes {@code bytes}, reporting malformed or unmappable input instead of replacing it. */
  static String decode(String name, byte[] bytes, Charset charset) throws TextFileException {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new TextFileException(name + ": not valid " + charset.name() + " text at byte "
          + in.position() + " (" + (result.isMalformed() ? "malformed" : "unmappable")
          + " sequence of " + result.length() + " byte" + (result.length() == 1 ? "" : "s")
          + "); set data.encoding to the file's encoding");
    }
    out.flip();
    return out.toString();
  }
}
