package dev.seq2seq.data;

/**
 * A folder of many files checked as one unit, so the catalogue need not list thousands of sums.
 *
 * <p>{@code sha256} is the SHA-256 of the UTF-8 text with one line {@code <sha256>  <path>\n} per
 * regular file under {@code folder}, paths relative to the dataset folder with {@code /}
 * separators, sorted in byte order: exactly what {@code find FOLDER -type f | LC_ALL=C sort |
 * xargs sha256sum | sha256sum} prints. {@code files} and {@code size} (total bytes) are the cheap
 * check run on every use.
 */
public record Manifest(String folder, int files, long size, String sha256) {}
