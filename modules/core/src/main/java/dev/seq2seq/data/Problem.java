package dev.seq2seq.data;

/** One way a dataset folder differs from the catalogue; {@code path} is relative to the folder. */
public record Problem(String path, Kind kind, String detail) {
  public enum Kind {
    /** The file or folder is not there. */
    MISSING,
    /** Byte count or file count differs: a truncated or different file. */
    SIZE,
    /** Same size, different content. */
    CHECKSUM
  }

  @Override
  public String toString() {
    return path + ": " + detail;
  }
}
