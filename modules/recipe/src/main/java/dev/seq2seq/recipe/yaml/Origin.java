package dev.seq2seq.recipe.yaml;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * Where a value came from, so that every error can point at it: a line of a recipe file, a
 * {@code --set} override, or a field's documented default.
 *
 * @param file the file the value was written in; null for overrides and defaults
 * @param line 1-based line; for overrides, their position on the command line (kept in order)
 * @param column 1-based column, 0 when not from a file
 * @param note what to show instead of a file position ({@code from --set k=v}, {@code default})
 */
public record Origin(Path file, int line, int column, String note) {

  /** Files first (by name, then position), then overrides and defaults in a stable order. */
  public static final Comparator<Origin> ORDER =
      Comparator.comparing((Origin o) -> o.file == null)
          .thenComparing(o -> o.file == null ? "" : o.file.toString())
          .thenComparing(o -> o.note == null ? "" : o.note.substring(0, Math.min(4, o.note.length())))
          .thenComparingInt(Origin::line)
          .thenComparingInt(Origin::column);

  public static Origin at(Path file, int line, int column) {
    return new Origin(file, line, column, null);
  }

  /** The {@code position}-th value given on the command line as {@code --set key=value}. */
  public static Origin override(String assignment, int position) {
    return new Origin(null, position, 0, "from --set " + assignment);
  }

  /** A value that comes from a field's {@code @Default}. */
  public static Origin defaultValue() {
    return new Origin(null, 0, 0, "default");
  }

  /** No position at all: for problems with the recipe as a whole, such as a missing file. */
  public static Origin none() {
    return new Origin(null, 0, 0, "");
  }

  /** The directory relative paths written here are resolved against (overrides: the cwd). */
  public Path baseDirectory() {
    if (file == null) {
      return Path.of("").toAbsolutePath();
    }
    Path parent = file.toAbsolutePath().getParent();
    return parent != null ? parent : Path.of("").toAbsolutePath();
  }

  /** {@code recipe.yaml, line 12}, {@code from --set a.b=1}, or empty for {@link #none()}. */
  public String describe() {
    if (file != null) {
      return line > 0 ? file + ", line " + line : file.toString();
    }
    return note == null ? "" : note;
  }

  @Override
  public String toString() {
    return describe();
  }
}
