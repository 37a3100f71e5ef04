package dev.seq2seq.data;

import java.net.URI;

/** How a dataset is fetched from its public home. */
public sealed interface Download {

  /** Each catalogued file from its own URL; the template's {@code {path}} is the file's path. */
  record Files(String urlTemplate) implements Download {
    public URI uri(Source source, DataFile file) {
      return URI.create(urlTemplate.replace("{commit}", source.commit()).replace("{path}", file.path()));
    }
  }

  /**
   * One gzip-compressed tar archive. Entries are named relative to the dataset folder after
   * removing {@code strip}; only those matching the {@code include} glob are extracted. An
   * archive generated on the fly (GitHub's) has no stable checksum, so the extracted files are
   * verified against the catalogue instead.
   */
  record Archive(String urlTemplate, String stripTemplate, String include) implements Download {
    public URI uri(Source source) {
      return URI.create(urlTemplate.replace("{commit}", source.commit()));
    }

    public String strip(Source source) {
      return stripTemplate.replace("{commit}", source.commit());
    }
  }
}
