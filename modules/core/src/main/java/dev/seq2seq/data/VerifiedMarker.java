package dev.seq2seq.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers that a folder passed the full checksum check, so SHA-256 runs once, not every run.
 *
 * <p>The marker holds a fingerprint of the catalogue entry and of every file's path, size and
 * modification time; any edit, copy or catalogue change alters it and the sums are computed
 * again. Markers live in the cache ({@code .verified/}) because a mirror is often read-only.
 */
final class VerifiedMarker {
  private final Path markers;

  VerifiedMarker(Path cache) {
    this.markers = cache.resolve(".verified");
  }

  boolean matches(Dataset d, Path folder) {
    try {
      Path marker = markerFile(d, folder);
      return Files.isRegularFile(marker)
          && Files.readString(marker, StandardCharsets.UTF_8).trim().equals(fingerprint(d, folder));
    } catch (IOException e) {
      return false; // no usable marker: verify again
    }
  }

  /** Best effort: a cache we cannot write to only costs a re-check next time. */
  void record(Dataset d, Path folder) {
    try {
      Files.createDirectories(markers);
      Path marker = markerFile(d, folder);
      Path tmp = Files.createTempFile(markers, d.name(), ".tmp");
      Files.writeString(tmp, fingerprint(d, folder) + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, marker, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // ignored on purpose, see above
    }
  }

  private Path markerFile(Dataset d, Path folder) {
    // One marker per (dataset, folder): the mirror and the cache copy are checked separately.
    String id = Checksums.ofText(folder.toAbsolutePath().normalize().toString()).substring(0, 16);
    return markers.resolve(d.name() + "-" + id);
  }

  private static String fingerprint(Dataset d, Path folder) throws IOException {
    StringBuilder text = new StringBuilder(d.toString()).append('\n');
    List<String> paths = new ArrayList<>();
    d.files().forEach(f -> paths.add(f.path()));
    if (d.manifest().isPresent()) {
      paths.addAll(Checksums.list(folder, d.manifest().get().folder()));
    }
    for (String p : paths) {
      Path file = folder.resolve(p);
      text.append(p).append(' ').append(Files.size(file)).append(' ')
          .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
    }
    return Checksums.ofText(text.toString());
  }
}
