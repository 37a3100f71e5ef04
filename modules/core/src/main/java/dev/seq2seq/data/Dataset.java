package dev.seq2seq.data;

import java.util.List;
import java.util.Optional;

/** One named dataset of the catalogue: what it is, where it comes from, and what its folder holds. */
public record Dataset(
    String name,
    String description,
    String licence,
    Source source,
    Download download,
    List<DataFile> files,
    Optional<Manifest> manifest) {

  public Dataset {
    files = List.copyOf(files);
  }

  /** Total bytes of the dataset's files. */
  public long size() {
    return files.stream().mapToLong(DataFile::size).sum() + manifest.map(Manifest::size).orElse(0L);
  }

  /** Number of files in the dataset's folder. */
  public int fileCount() {
    return files.size() + manifest.map(Manifest::files).orElse(0);
  }
}
