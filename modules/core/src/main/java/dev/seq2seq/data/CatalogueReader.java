package dev.seq2seq.data;

import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates catalogue JSON. Written against the tree model rather than data binding so
 * that every error names the dataset and field at fault, in words a person editing the file can act on.
 */
final class CatalogueReader {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

  private CatalogueReader() {}

  static List<Dataset> read(String json, String origin) {
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(origin + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(origin + ": expected a JSON object with a 'datasets' list");
    }
    long format = root.path("format").asLong(-1);
    if (format != 1) {
      throw new IllegalArgumentException(origin + ": 'format' must be 1, got " + root.path("format"));
    }
    JsonNode list = root.path("datasets");
    if (!list.isArray()) {
      throw new IllegalArgumentException(origin + ": 'datasets' must be a list");
    }
    List<Dataset> datasets = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode node : list) {
      Dataset d = dataset(node, origin);
      if (!names.add(d.name())) {
        throw new IllegalArgumentException(origin + ": dataset '" + d.name() + "' is listed twice");
      }
      datasets.add(d);
    }
    return datasets;
  }

  private static Dataset dataset(JsonNode node, String origin) {
    String name = text(node, "name", origin + ": a dataset");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          origin + ": dataset name '" + name + "' must be lower-case letters, digits, '.', '_' or '-'");
    }
    String where = origin + ": dataset '" + name + "'";
    JsonNode src = node.path("source");
    Source source = new Source(text(src, "repository", where + " source"), text(src, "commit", where + " source"));
    List<DataFile> files = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    for (JsonNode f : node.path("files")) {
      String path = relativePath(text(f, "path", where + " file"), where);
      if (!paths.add(path)) {
        throw new IllegalArgumentException(where + ": file '" + path + "' is listed twice");
      }
      files.add(new DataFile(path, size(f, where + " file '" + path + "'"), sha256(f, where + " file '" + path + "'")));
    }
    Optional<Manifest> manifest = Optional.empty();
    if (node.has("manifest")) {
      JsonNode m = node.get("manifest");
      String folder = relativePath(text(m, "folder", where + " manifest"), where);
      long count = m.path("files").asLong(-1);
      if (count < 1 || count > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(where + " manifest: 'files' must be a positive count");
      }
      manifest = Optional.of(new Manifest(folder, (int) count, size(m, where + " manifest"), sha256(m, where + " manifest")));
    }
    if (files.isEmpty() && manifest.isEmpty()) {
      throw new IllegalArgumentException(where + ": needs a 'files' list or a 'manifest'");
    }
    Download download = download(node.path("download"), where, manifest.isPresent());
    return new Dataset(name, text(node, "description", where), text(node, "licence", where), source, download, files, manifest);
  }

  private static Download download(JsonNode node, String where, boolean hasManifest) {
    if (node.has("url")) {
      String url = template(text(node, "url", where + " download"), Set.of("commit", "path"), where);
      if (hasManifest) {
        // A manifest names no files, so there would be nothing to fetch one by one.
        throw new IllegalArgumentException(where + ": a dataset with a 'manifest' must be downloaded as an 'archive'");
      }
      return new Download.Files(url);
    }
    if (node.has("archive")) {
      String url = template(text(node, "archive", where + " download"), Set.of("commit"), where);
      String strip = node.has("strip") ? template(text(node, "strip", where + " download"), Set.of("commit"), where) : "";
      String include = node.has("include") ? text(node, "include", where + " download") : "**";
      try {
        FileSystems.getDefault().getPathMatcher("glob:" + include);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + " download: 'include' is not a valid glob: " + include, e);
      }
      return new Download.Archive(url, strip, include);
    }
    throw new IllegalArgumentException(where + ": 'download' needs a 'url' template or an 'archive'");
  }

  private static String template(String value, Set<String> allowed, String where) {
    var m = PLACEHOLDER.matcher(value);
    while (m.find()) {
      if (!allowed.contains(m.group(1))) {
        throw new IllegalArgumentException(
            where + ": unknown placeholder {" + m.group(1) + "} in '" + value + "'; allowed: " + allowed);
      }
    }
    return value;
  }

  private static String relativePath(String path, String where) {
    boolean bad = path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.endsWith("/");
    for (String part : path.split("/", -1)) {
      bad |= part.isEmpty() || part.equals(".") || part.equals("..");
    }
    if (bad) {
      throw new IllegalArgumentException(where + ": '" + path + "' must be a relative path inside the dataset folder");
    }
    return path;
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.path(field);
    if (!v.isString() || v.stringValue().isBlank()) {
      throw new IllegalArgumentException(where + ": '" + field + "' must be a non-empty string");
    }
    return v.stringValue();
  }

  private static long size(JsonNode node, String where) {
    JsonNode v = node.path("size");
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
      throw new IllegalArgumentException(where + ": 'size' must be a byte count >= 0, got " + v);
    }
    return v.longValue();
  }

  private static String sha256(JsonNode node, String where) {
    String sum = text(node, "sha256", where);
    if (!SHA256.matcher(sum).matches()) {
      throw new IllegalArgumentException(where + ": 'sha256' must be 64 lower-case hex digits, got '" + sum + "'");
    }
    return sum;
  }
}
