package dev.seq2seq.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Fetches a dataset into the cache. Everything is written under {@code <cache>/.tmp} first and
 * moved into place only after its checksum passed, so an interrupted or corrupt download never
 * leaves a file that looks complete.
 */
final class Downloader {
  private final Transport transport;
  private final PrintStream progress;

  Downloader(Transport transport, PrintStream progress) {
    this.transport = transport;
    this.progress = progress;
  }

  /** Downloads {@code files} of a per-file dataset into {@code folder}. */
  void files(Dataset d, Download.Files download, List<DataFile> files, Path folder, Path tmpRoot) throws IOException {
    for (DataFile f : files) {
      URI uri = download.uri(d.source(), f);
      Files.createDirectories(tmpRoot);
      Path tmp = Files.createTempFile(tmpRoot, d.name() + "-", ".part");
      try {
        MessageDigest md = Checksums.sha256();
        long bytes;
        try (Transport.Response r = open(d, uri);
            InputStream in = new DigestInputStream(new Progress(r.body(), r.length(), d.name() + "/" + f.path()), md);
            OutputStream out = Files.newOutputStream(tmp)) {
          bytes = in.transferTo(out);
        } catch (IOException e) {
          throw new DownloadFailed(uri, e);
        }
        String actual = Checksums.hex(md.digest());
        if (bytes != f.size() || !actual.equals(f.sha256())) {
          throw new DatasetException(
              "dataset '" + d.name() + "': the download of " + uri + " is corrupt: " + f.path() + " expected "
                  + f.size() + " bytes with sha256 " + f.sha256() + ", got " + bytes + " bytes with sha256 "
                  + actual + "; nothing was kept in the cache");
        }
        Path dest = folder.resolve(f.path());
        Files.createDirectories(dest.getParent());
        move(tmp, dest);
      } finally {
        Files.deleteIfExists(tmp);
        deleteIfEmpty(tmpRoot);
      }
    }
  }

  /** Downloads and extracts an archive dataset, checks it fully, then moves it to {@code folder}. */
  void archive(Dataset d, Download.Archive download, Path folder, Path tmpRoot) throws IOException {
    URI uri = download.uri(d.source());
    Files.createDirectories(tmpRoot);
    Path staging = Files.createTempDirectory(tmpRoot, d.name() + "-");
    try {
      String what = "dataset '" + d.name() + "' (" + uri + ")";
      int count;
      try (Transport.Response r = open(d, uri);
          InputStream gz = new GZIPInputStream(new Progress(r.body(), r.length(), d.name()), 1 << 16)) {
        count = TarReader.extract(gz, download.strip(d.source()),
            FileSystems.getDefault().getPathMatcher("glob:" + download.include()), staging, what);
      } catch (DatasetException e) {
        throw e;
      } catch (IOException e) {
        throw new DownloadFailed(uri, e);
      }
      List<Problem> problems = Verifier.full(d, staging);
      if (!problems.isEmpty()) {
        throw new DatasetException(
            what + ": the " + count + " extracted files do not match the catalogue: " + problems
                + "; nothing was kept in the cache");
      }
      deleteIfEmpty(folder);
      if (Files.exists(folder)) {
        throw new DatasetException("dataset '" + d.name() + "': the cache folder " + folder
            + " is in the way (incomplete or changed); delete it to download again");
      }
      Files.createDirectories(folder.getParent());
      move(staging, folder);
    } finally {
      deleteTree(staging);
      deleteIfEmpty(tmpRoot);
    }
  }

  private Transport.Response open(Dataset d, URI uri) {
    progress.println("seq2seq: downloading dataset '" + d.name() + "' from " + uri);
    try {
      return transport.open(uri);
    } catch (IOException e) {
      throw new DownloadFailed(uri, e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void deleteIfEmpty(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isEmpty()) {
          Files.delete(dir);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A URL could not be read; the resolver turns it into advice on providing the data. */
  static final class DownloadFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final URI uri;

    DownloadFailed(URI uri, IOException cause) {
      super(cause.toString(), cause);
      this.uri = uri;
    }
  }

  /** Counts bytes and prints a line to stderr at every tenth (or every 8 MB when the size is unknown). */
  private final class Progress extends FilterInputStream {
    private final long total;
    private final String label;
    private long read;
    private long nextReport;

    Progress(InputStream in, long total, String label) {
      super(in);
      this.total = total;
      this.label = label;
      this.nextReport = step();
    }

    private long step() {
      return total > 0 ? Math.max(1, total / 10) : 8L << 20;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        advance(n);
      }
      return n;
    }

    private void advance(long n) {
      read += n;
      if (read >= nextReport) {
        nextReport = read + step();
        progress.println(total > 0
            ? String.format(Locale.ROOT, "  %s: %.1f / %.1f MB", label, read / 1e6, total / 1e6)
            : String.format(Locale.ROOT, "  %s: %.1f MB", label, read / 1e6));
      }
    }
  }
}
