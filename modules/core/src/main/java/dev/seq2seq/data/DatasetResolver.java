package dev.seq2seq.data;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the local folder of a named dataset. Order: the mirror ({@code $SEQ2SEQ_DATA/<name>}),
 * then the cache ({@code <cache>/<name>}), then a download into the cache.
 *
 * <p>Sizes are checked on every use (cheap, and catches truncated copies); SHA-256 sums on the
 * first use of a folder and again whenever a file's size or modification time changes (see
 * {@link VerifiedMarker}). A folder that is there but wrong is an error, never silently skipped:
 * falling through to another copy would hide a damaged mirror.
 */
public final class DatasetResolver {
  /** Where a dataset was found. */
  public enum Location { MIRROR, CACHE, DOWNLOADED }

  /** A usable dataset folder; {@code hashed} says whether SHA-256 sums were computed this time. */
  public record Resolution(Dataset dataset, Path folder, Location location, boolean hashed) {}

  /**
   * Where a dataset is without hashing or downloading: {@code location} is empty when it is in
   * neither place; {@code problems} lists size mismatches of the folder found.
   */
  public record Status(Dataset dataset, Optional<Location> location, Path folder, List<Problem> problems) {}

  private final Catalogue catalogue;
  private final DataEnvironment env;
  private final Downloader downloader;
  private final VerifiedMarker marker;

  public DatasetResolver(Catalogue catalogue, DataEnvironment env, Transport transport, PrintStream progress) {
    this.catalogue = catalogue;
    this.env = env;
    this.downloader = new Downloader(transport, progress);
    this.marker = new VerifiedMarker(env.cache());
  }

  /** The bundled catalogue, this process's environment, HTTP, progress on stderr. */
  public static DatasetResolver system() {
    return new DatasetResolver(Catalogue.bundled(), DataEnvironment.fromSystem(), Transport.http(), System.err);
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  public DataEnvironment environment() {
    return env;
  }

  /** Where {@code name} is now; nothing is hashed or downloaded. */
  public Status status(String name) {
    Dataset d = catalogue.get(name);
    Optional<Path> mirror = mirrorFolder(d);
    if (mirror.isPresent()) {
      return new Status(d, Optional.of(Location.MIRROR), mirror.get(), Verifier.sizes(d, mirror.get()));
    }
    Path cache = env.cache().resolve(d.name());
    if (Files.isDirectory(cache)) {
      return new Status(d, Optional.of(Location.CACHE), cache, Verifier.sizes(d, cache));
    }
    return new Status(d, Optional.empty(), cache, List.of());
  }

  /**
   * The folder holding {@code name}'s files, downloading them if needed.
   *
   * @throws UnknownDatasetException for a name not in the catalogue
   * @throws DatasetException when the data is wrong or cannot be had, saying how to provide it
   */
  public Resolution resolve(String name) {
    Dataset d = catalogue.get(name);
    Optional<Path> mirror = mirrorFolder(d);
    if (mirror.isPresent()) {
      failOn(d, mirror.get(), Verifier.sizes(d, mirror.get()), "in the mirror folder (" + DataEnvironment.DATA + ")",
          "replace them with the published files or unset " + DataEnvironment.DATA);
      return new Resolution(d, mirror.get(), Location.MIRROR, checkSums(d, mirror.get()));
    }
    Path cache = env.cache().resolve(d.name());
    List<Problem> problems = Files.isDirectory(cache) ? Verifier.sizes(d, cache) : null;
    if (problems != null && problems.isEmpty()) {
      return new Resolution(d, cache, Location.CACHE, checkSums(d, cache));
    }
    boolean onlyMissing = problems != null && problems.stream().allMatch(p -> p.kind() == Problem.Kind.MISSING);
    if (problems != null && !(onlyMissing && d.download() instanceof Download.Files)) {
      failOn(d, cache, problems, "in the cache", "delete " + cache + " to download it again");
    }
    if (env.offline()) {
      throw new DatasetException("dataset '" + d.name() + "' is not available and downloads are off ("
          + DataEnvironment.OFFLINE + " is set). " + howToProvide(d));
    }
    download(d, cache);
    marker.record(d, cache);
    return new Resolution(d, cache, Location.DOWNLOADED, true);
  }

  /**
   * Full SHA-256 check of the local copy of {@code name} (mirror, else cache), ignoring any
   * earlier verification. An empty list means every file matches.
   *
   * @throws DatasetException when there is no local copy
   */
  public List<Problem> verify(String name) {
    Status s = status(name);
    if (s.location().isEmpty()) {
      throw new DatasetException("dataset '" + name + "' has no local copy to verify. " + howToProvide(s.dataset()));
    }
    List<Problem> problems = Verifier.full(s.dataset(), s.folder());
    if (problems.isEmpty()) {
      marker.record(s.dataset(), s.folder());
    }
    return problems;
  }

  private Optional<Path> mirrorFolder(Dataset d) {
    return env.mirror().map(m -> m.resolve(d.name())).filter(Files::isDirectory);
  }

  /** Returns true when the sums were computed, false when a matching marker made that unnecessary. */
  private boolean checkSums(Dataset d, Path folder) {
    if (marker.matches(d, folder)) {
      return false;
    }
    failOn(d, folder, Verifier.full(d, folder), "", "replace them with the published files");
    marker.record(d, folder);
    return true;
  }

  private static void failOn(Dataset d, Path folder, List<Problem> problems, String where, String advice) {
    if (!problems.isEmpty()) {
      throw new DatasetException("dataset '" + d.name() + "' " + (where.isEmpty() ? "" : where + " ") + folder
          + " does not match the catalogue:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"))
          + "\n" + advice);
    }
  }

  private void download(Dataset d, Path cache) {
    Path tmp = env.cache().resolve(".tmp");
    try {
      if (d.download() instanceof Download.Files files) {
        List<DataFile> missing = d.files().stream().filter(f -> !Files.isRegularFile(cache.resolve(f.path()))).toList();
        downloader.files(d, files, missing, cache, tmp);
      } else if (d.download() instanceof Download.Archive archive) {
        downloader.archive(d, archive, cache, tmp);
      }
    } catch (Downloader.DownloadFailed e) {
      throw new DatasetException("dataset '" + d.name() + "': cannot download " + e.uri + " (" + e.getMessage()
          + "). " + howToProvide(d), e.getCause());
    } catch (IOException e) {
      throw new UncheckedIOException("dataset '" + d.name() + "': cannot write to the cache " + env.cache(), e);
    }
  }

  /** The ways to get the data onto a machine without internet access, for error messages. */
  String howToProvide(Dataset d) {
    String layout = layout(d);
    return "To provide it, either:\n"
        + "  - set " + DataEnvironment.DATA + " to a folder containing " + d.name() + "/ with " + layout + "\n"
        + "  - or place those files in the cache folder " + env.cache().resolve(d.name()) + " ("
        + DataEnvironment.CACHE + " moves the cache)\n"
        + "  - or allow downloads from " + publicHome(d)
        + " ('seq2seq data path " + d.name() + "' fetches and verifies it)";
  }

  private static String layout(Dataset d) {
    List<String> names = d.files().stream().map(DataFile::path).toList();
    String files = names.size() <= 4 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 3)) + ", ... (" + names.size() + " files)";
    String manifest = d.manifest().map(m -> m.folder() + "/ (" + m.files() + " files)").orElse("");
    return files.isEmpty() ? manifest : manifest.isEmpty() ? files : files + " and " + manifest;
  }

  private static String publicHome(Dataset d) {
    if (d.download() instanceof Download.Archive a) {
      return a.uri(d.source()).toString();
    }
    Download.Files f = (Download.Files) d.download();
    return f.urlTemplate().replace("{commit}", d.source().commit()).replace("{path}", "<file>");
  }
}
