package dev.seq2seq.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * Extracts regular files from a tar stream (ustar, with pax and GNU long names, as GitHub's
 * archives use), so the core needs no compression library. Links and devices are skipped: a
 * dataset is plain files.
 *
 * <p>Every entry name is checked before anything is written: an absolute name or one with a
 * {@code ..} segment rejects the whole archive, so a hostile archive cannot write outside the target.
 */
final class TarReader {
  private static final int BLOCK = 512;

  private TarReader() {}

  /**
   * Writes the regular-file entries whose name starts with {@code strip} and whose remainder
   * matches {@code include} to {@code target}/remainder.
   *
   * @return the number of files written
   * @throws DatasetException for an unsafe entry name or a damaged archive
   */
  static int extract(InputStream in, String strip, PathMatcher include, Path target, String what) throws IOException {
    byte[] header = new byte[BLOCK];
    String longName = null;
    int written = 0;
    while (true) {
      if (!readBlock(in, header)) {
        throw new DatasetException(what + ": the archive ends without its end-of-archive marker (truncated download?)");
      }
      if (isZero(header)) {
        return written; // end of archive
      }
      checkHeader(header, what);
      long size = octal(header, 124, 12, what);
      char type = (char) header[156];
      String name = longName != null ? longName : name(header);
      longName = null;
      switch (type) {
        case 'x', 'L' -> {
          // pax extended header or GNU long name: both carry the next entry's real name.
          String body = new String(readBody(in, size, what), StandardCharsets.UTF_8);
          longName = type == 'L' ? body.replaceAll("\0+$", "") : paxPath(body);
          continue;
        }
        case 'g' -> {
          skip(in, padded(size)); // pax global header: GitHub's commit comment
          continue;
        }
        default -> { }
      }
      checkSafe(name, what);
      boolean regular = type == '0' || type == '\0' || type == '7';
      String rel = name.startsWith(strip) ? name.substring(strip.length()) : null;
      if (regular && rel != null && !rel.isEmpty() && include.matches(Path.of(rel))) {
        Path dest = target.resolve(rel).normalize();
        if (!dest.startsWith(target)) {
          throw new DatasetException(what + ": archive entry '" + name + "' points outside the target folder");
        }
        Files.createDirectories(dest.getParent());
        try (OutputStream out = Files.newOutputStream(dest)) {
          copy(in, out, size, what);
        }
        skip(in, padded(size) - size);
        written++;
      } else {
        skip(in, padded(size));
      }
    }
  }

  private static void checkSafe(String name, String what) {
    boolean unsafe = name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*");
    for (String part : name.split("/")) {
      unsafe |= part.equals("..");
    }
    if (unsafe) {
      throw new DatasetException(
          what + ": archive entry '" + name + "' points outside the extraction folder; the archive was rejected");
    }
  }

  private static String name(byte[] h) {
    String name = cString(h, 0, 100);
    boolean ustar = cString(h, 257, 6).startsWith("ustar");
    String prefix = ustar ? cString(h, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String paxPath(String records) {
    // Records are "<length> <key>=<value>\n"; only the path matters here.
    for (String line : records.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.startsWith("path=", space + 1)) {
        return line.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static void checkHeader(byte[] h, String what) {
    long stored = octal(h, 148, 8, what);
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) {
      byte b = (i >= 148 && i < 156) ? (byte) ' ' : h[i];
      unsigned += b & 0xff;
      signed += b;
    }
    if (stored != unsigned && stored != signed) {
      throw new DatasetException(what + ": damaged archive (a tar header checksum does not match)");
    }
  }

  private static long octal(byte[] h, int offset, int length, String what) {
    if ((h[offset] & 0x80) != 0) {
      throw new DatasetException(what + ": archive entry larger than 8 GiB (base-256 size) is not supported");
    }
    String s = cString(h, offset, length).trim();
    try {
      return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    } catch (NumberFormatException e) {
      throw new DatasetException(what + ": damaged archive (bad number '" + s + "' in a tar header)");
    }
  }

  private static String cString(byte[] h, int offset, int length) {
    int end = offset;
    while (end < offset + length && h[end] != 0) {
      end++;
    }
    return new String(h, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static long padded(long size) {
    return (size + BLOCK - 1) / BLOCK * BLOCK;
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, BLOCK);
    if (n == 0) {
      return false;
    }
    if (n < BLOCK) {
      throw new EOFException("archive truncated inside a header");
    }
    return true;
  }

  private static byte[] readBody(InputStream in, long size, String what) throws IOException {
    if (size > 1 << 20) {
      throw new DatasetException(what + ": damaged archive (extended header of " + size + " bytes)");
    }
    byte[] body = in.readNBytes((int) size);
    if (body.length < size) {
      throw new EOFException("archive truncated");
    }
    skip(in, padded(size) - size);
    return body;
  }

  private static void copy(InputStream in, OutputStream out, long size, String what) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new EOFException(what + ": archive truncated inside a file");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static void skip(InputStream in, long n) throws IOException {
    in.skipNBytes(n);
  }
}
