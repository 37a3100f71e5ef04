package dev.seq2seq.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a dataset folder with the catalogue: sizes (cheap, every use) or SHA-256 sums (full).
 * Extra files in the folder are allowed, so a mirror may hold notes or derived files beside the data.
 */
final class Verifier {
  private Verifier() {}

  static List<Problem> sizes(Dataset d, Path folder) {
    try {
      List<Problem> problems = new ArrayList<>();
      for (DataFile f : d.files()) {
        Path p = folder.resolve(f.path());
        if (!Files.isRegularFile(p)) {
          problems.add(new Problem(f.path(), Problem.Kind.MISSING, "missing"));
        } else if (Files.size(p) != f.size()) {
          problems.add(new Problem(f.path(), Problem.Kind.SIZE,
              "size expected " + f.size() + " bytes, actual " + Files.size(p)));
        }
      }
      if (d.manifest().isPresent()) {
        Manifest m = d.manifest().get();
        List<String> paths = Checksums.list(folder, m.folder());
        if (paths.isEmpty()) {
          problems.add(new Problem(m.folder() + "/", Problem.Kind.MISSING, "missing (expected " + m.files() + " files)"));
        } else {
          long bytes = 0;
          for (String p : paths) {
            bytes += Files.size(folder.resolve(p));
          }
          if (paths.size() != m.files() || bytes != m.size()) {
            problems.add(new Problem(m.folder() + "/", Problem.Kind.SIZE,
                "expected " + m.files() + " files of " + m.size() + " bytes in all, actual "
                    + paths.size() + " files of " + bytes + " bytes"));
          }
        }
      }
      return problems;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder, e);
    }
  }

  /** Sizes first; only when they agree are the (slower) sums computed. */
  static List<Problem> full(Dataset d, Path folder) {
    List<Problem> problems = sizes(d, folder);
    if (!problems.isEmpty()) {
      return problems;
    }
    try {
      for (DataFile f : d.files()) {
        String actual = Checksums.ofFile(folder.resolve(f.path()));
        if (!actual.equals(f.sha256())) {
          problems.add(new Problem(f.path(), Problem.Kind.CHECKSUM,
              "sha256 expected " + f.sha256() + ", actual " + actual));
        }
      }
      if (d.manifest().isPresent()) {
        Manifest m = d.manifest().get();
        String actual = Checksums.manifest(folder, Checksums.list(folder, m.folder()));
        if (!actual.equals(m.sha256())) {
          problems.add(new Problem(m.folder() + "/", Problem.Kind.CHECKSUM,
              "manifest sha256 expected " + m.sha256() + ", actual " + actual
                  + " (a file under it was changed or renamed; compare with: find " + m.folder()
                  + " -type f | LC_ALL=C sort | xargs sha256sum)"));
        }
      }
      return problems;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder, e);
    }
  }
}
