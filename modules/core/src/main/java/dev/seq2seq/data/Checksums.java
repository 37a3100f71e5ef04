package dev.seq2seq.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 of files and of manifests (see {@link Manifest} for the manifest text). */
final class Checksums {
  private Checksums() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  static String ofText(String text) {
    return hex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static String ofFile(Path file) throws IOException {
    MessageDigest md = sha256();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
    }
    return hex(md.digest());
  }

  /** Regular files under {@code datasetFolder/folder}, as {@code /}-separated relative paths in byte order. */
  static List<String> list(Path datasetFolder, String folder) throws IOException {
    Path root = datasetFolder.resolve(folder);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      // String order equals byte order (LC_ALL=C sort) for the ASCII names datasets use.
      return walk.filter(Files::isRegularFile)
          .map(p -> datasetFolder.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /** The manifest sum of {@code paths} (relative to {@code datasetFolder}), in the given order. */
  static String manifest(Path datasetFolder, List<String> paths) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String p : paths) {
      text.append(ofFile(datasetFolder.resolve(p))).append("  ").append(p).append('\n');
    }
    return ofText(text.toString());
  }
}
