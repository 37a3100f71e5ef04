package dev.seq2seq.data;

import dev.seq2seq.util.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The named datasets seq2seq knows: built from {@code data/catalogue.json}, bundled in the core jar. */
public final class Catalogue {
  /** Where the build copies {@code data/catalogue.json} (see the core module's pom). */
  static final String RESOURCE = "/dev/seq2seq/data/catalogue.json";

  private final Map<String, Dataset> datasets;

  Catalogue(List<Dataset> datasets) {
    Map<String, Dataset> byName = new LinkedHashMap<>();
    for (Dataset d : datasets) {
      byName.put(d.name(), d);
    }
    this.datasets = Collections.unmodifiableMap(byName);
  }

  /** The catalogue shipped with seq2seq. */
  public static Catalogue bundled() {
    try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        // Only a broken build gets here: the core pom copies the file into the jar.
        throw new IllegalStateException("the dataset catalogue " + RESOURCE + " is missing from the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled catalogue");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled dataset catalogue", e);
    }
  }

  /**
   * Parses catalogue JSON; {@code origin} names the text in error messages.
   *
   * @throws IllegalArgumentException naming the dataset and field when the text is not a valid catalogue
   */
  public static Catalogue parse(String json, String origin) {
    return new Catalogue(CatalogueReader.read(json, origin));
  }

  public Collection<Dataset> datasets() {
    return datasets.values();
  }

  public Collection<String> names() {
    return datasets.keySet();
  }

  public Optional<Dataset> find(String name) {
    return Optional.ofNullable(datasets.get(name));
  }

  /** The dataset called {@code name}, or an error with a did-you-mean and the known names. */
  public Dataset get(String name) {
    Dataset d = datasets.get(name);
    if (d == null) {
      throw new UnknownDatasetException(
          "unknown dataset '" + name + "'" + Suggestions.didYouMean(name, names())
              + "; known datasets: " + String.join(", ", names()));
    }
    return d;
  }
}
