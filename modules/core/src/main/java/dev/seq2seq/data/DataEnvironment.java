package dev.seq2seq.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where datasets are looked for, read once from the environment so tests can pass their own.
 *
 * @param mirror a read-only folder of datasets, one sub-folder per name ({@code SEQ2SEQ_DATA})
 * @param cache the folder downloads go to, one sub-folder per name
 * @param offline true to never download ({@code SEQ2SEQ_OFFLINE=1})
 */
public record DataEnvironment(Optional<Path> mirror, Path cache, boolean offline) {
  public static final String DATA = "SEQ2SEQ_DATA";
  public static final String CACHE = "SEQ2SEQ_CACHE";
  public static final String OFFLINE = "SEQ2SEQ_OFFLINE";

  /** The environment of this process. */
  public static DataEnvironment fromSystem() {
    return from(System.getenv(), System.getProperty("user.home"));
  }

  /**
   * {@code SEQ2SEQ_DATA} (must be an existing folder when set), the cache in
   * {@code $SEQ2SEQ_CACHE/data}, else {@code $XDG_CACHE_HOME/seq2seq/data}, else
   * {@code ~/.cache/seq2seq/data}, and {@code SEQ2SEQ_OFFLINE}.
   *
   * @throws IllegalArgumentException naming the variable when a value is unusable
   */
  public static DataEnvironment from(Map<String, String> env, String userHome) {
    Optional<Path> mirror = Optional.empty();
    String data = env.getOrDefault(DATA, "");
    if (!data.isBlank()) {
      Path p = Path.of(data).toAbsolutePath().normalize();
      if (!Files.isDirectory(p)) {
        throw new IllegalArgumentException(
            DATA + "=" + data + " is not a folder; point it at a folder holding one sub-folder per dataset, or unset it");
      }
      mirror = Optional.of(p);
    }
    Path cacheRoot;
    if (!env.getOrDefault(CACHE, "").isBlank()) {
      cacheRoot = Path.of(env.get(CACHE));
    } else if (!env.getOrDefault("XDG_CACHE_HOME", "").isBlank()) {
      cacheRoot = Path.of(env.get("XDG_CACHE_HOME"), "seq2seq");
    } else {
      cacheRoot = Path.of(userHome, ".cache", "seq2seq");
    }
    String offline = env.getOrDefault(OFFLINE, "").trim().toLowerCase(java.util.Locale.ROOT);
    if (!offline.isEmpty() && !offline.matches("0|1|true|false|yes|no")) {
      throw new IllegalArgumentException(OFFLINE + "=" + env.get(OFFLINE) + " must be 1/true/yes or 0/false/no");
    }
    boolean isOffline = offline.equals("1") || offline.equals("true") || offline.equals("yes");
    return new DataEnvironment(mirror, cacheRoot.resolve("data").toAbsolutePath().normalize(), isOffline);
  }
}
