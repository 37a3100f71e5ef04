package dev.seq2seq.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the safetensors format, so that weights move between this toolkit and
 * PyTorch.
 *
 * <p>Layout: an 8-byte little-endian header length {@code N}; {@code N} bytes of UTF-8 JSON
 * mapping each tensor name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} plus an
 * optional {@code "__metadata__"} object of strings, padded with spaces to a multiple of 8; then
 * the tensors' raw little-endian bytes, offsets counted from the end of the header.
 *
 * <p>The writer produces the same bytes as the Python {@code safetensors} library: tensors in
 * order of descending dtype alignment and then by name (byte-wise), {@code "__metadata__"} first,
 * compact JSON, each entry's fields in the order dtype, shape, data_offsets. Metadata keys are
 * sorted (the library's order there is a hash map's).
 */
public final class Safetensors {
  /** The library refuses headers over 100 MB; so do we, before allocating one. */
  static final long MAX_HEADER = 100_000_000L;

  private static final String METADATA = "__metadata__";
  // Duplicate names and anything after the JSON value (other than padding) are errors.
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** The tensors of a file in data order, and its metadata. */
  public record Contents(Map<String, HostTensor> tensors, Map<String, String> metadata) {
    public Contents {
      tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
      metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
  }

  private Safetensors() {}

  /**
   * Writes a file atomically: the bytes go to a temporary file in the same directory, which then
   * replaces {@code file} in one rename, so a crash never leaves a truncated checkpoint behind.
   */
  public static void write(Path file, Map<String, HostTensor> tensors, Map<String, String> metadata)
      throws IOException {
    List<Map.Entry<String, HostTensor>> ordered = new ArrayList<>(tensors.entrySet());
    for (Map.Entry<String, HostTensor> e : ordered) {
      if (e.getKey().equals(METADATA)) {
        throw new IllegalArgumentException("'" + METADATA + "' cannot name a tensor");
      }
    }
    ordered.sort(
        Comparator.<Map.Entry<String, HostTensor>>comparingInt(
                e -> -HostTensor.alignmentRank(e.getValue().dtype()))
            .thenComparing(Map.Entry::getKey, Safetensors::compareUtf8));
    byte[] header = header(ordered, metadata);

    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        length.putLong(header.length).flip();
        writeFully(out, length);
        writeFully(out, ByteBuffer.wrap(header));
        for (Map.Entry<String, HostTensor> e : ordered) {
          writeFully(out, e.getValue().data());
        }
        out.force(true);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The padded JSON header for tensors already in data order. */
  static byte[] header(List<Map.Entry<String, HostTensor>> ordered, Map<String, String> metadata) {
    ObjectNode root = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = root.putObject(METADATA);
      new TreeMap<>(metadata).forEach(meta::put);
    }
    long offset = 0;
    for (Map.Entry<String, HostTensor> e : ordered) {
      HostTensor t = e.getValue();
      long end = offset + t.data().remaining();
      ObjectNode info = root.putObject(e.getKey());
      info.put("dtype", t.dtype());
      ArrayNode shape = info.putArray("shape");
      for (int d : t.shape()) {
        shape.add(d);
      }
      info.putArray("data_offsets").add(offset).add(end);
      offset = end;
    }
    byte[] json = JSON.writeValueAsBytes(root);
    int padded = (json.length + 7) / 8 * 8;
    byte[] header = Arrays.copyOf(json, padded);
    Arrays.fill(header, json.length, padded, (byte) ' ');
    return header;
  }

  /**
   * Reads and validates a whole file. Tensor bytes are streamed from the file channel straight
   * into their arrays, so a large checkpoint costs one copy of its data and no more.
   *
   * @throws InvalidSafetensorsException when the file is malformed, naming the problem
   */
  public static Contents read(Path file) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = in.size();
      if (size < 8) {
        throw new InvalidSafetensorsException(
            file, "file has " + size + " bytes, fewer than the 8-byte header length");
      }
      ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(in, lengthBytes, 0, file);
      long headerLength = lengthBytes.flip().getLong();
      if (headerLength < 0 || headerLength > size - 8) {
        throw new InvalidSafetensorsException(
            file,
            "header length " + Long.toUnsignedString(headerLength) + " exceeds the "
                + (size - 8) + " bytes after the length field");
      }
      if (headerLength > MAX_HEADER) {
        throw new InvalidSafetensorsException(file, "header of " + headerLength + " bytes is too large");
      }
      ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
      readFully(in, headerBytes, 8, file);
      List<Entry> entries = new ArrayList<>();
      Map<String, String> metadata = new LinkedHashMap<>();
      parseHeader(file, headerBytes.array(), entries, metadata);
      long dataStart = 8 + headerLength;
      checkOffsets(file, entries, size - dataStart);

      Map<String, HostTensor> tensors = new LinkedHashMap<>();
      for (Entry e : entries) {
        long bytes = e.end - e.begin;
        if (bytes > Integer.MAX_VALUE - 8) {
          throw new InvalidSafetensorsException(
              file, "tensor '" + e.name + "' has " + bytes + " bytes, too many for one array");
        }
        ByteBuffer data = ByteBuffer.allocate((int) bytes);
        readFully(in, data, dataStart + e.begin, file);
        tensors.put(e.name, HostTensor.wrap(e.dtype, e.shape, data.array()));
      }
      return new Contents(tensors, metadata);
    }
  }

  /** One header entry, before its bytes are read. */
  private record Entry(String name, String dtype, int[] shape, long begin, long end) {}

  private static void parseHeader(
      Path file, byte[] header, List<Entry> entries, Map<String, String> metadata)
      throws InvalidSafetensorsException {
    JsonNode root;
    try {
      root = JSON.readTree(header);
    } catch (JacksonException e) {
      throw new InvalidSafetensorsException(
          file, "header is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidSafetensorsException(file, "header is not a JSON object");
    }
    for (Map.Entry<String, JsonNode> property : root.properties()) {
      String name = property.getKey();
      JsonNode value = property.getValue();
      if (name.equals(METADATA)) {
        if (!value.isObject()) {
          throw new InvalidSafetensorsException(file, "'" + METADATA + "' is not an object");
        }
        for (Map.Entry<String, JsonNode> m : value.properties()) {
          if (!m.getValue().isString()) {
            throw new InvalidSafetensorsException(
                file, "metadata value of '" + m.getKey() + "' is not a string");
          }
          metadata.put(m.getKey(), m.getValue().asString());
        }
        continue;
      }
      entries.add(parseEntry(file, name, value));
    }
  }

  private static Entry parseEntry(Path file, String name, JsonNode info)
      throws InvalidSafetensorsException {
    String where = "tensor '" + name + "'";
    if (!info.isObject()) {
      throw new InvalidSafetensorsException(file, where + " is not described by an object");
    }
    JsonNode dtypeNode = info.get("dtype");
    JsonNode shapeNode = info.get("shape");
    JsonNode offsetsNode = info.get("data_offsets");
    if (dtypeNode == null || !dtypeNode.isString()) {
      throw new InvalidSafetensorsException(file, where + " has no dtype string");
    }
    String dtype = dtypeNode.asString();
    int itemSize;
    try {
      itemSize = HostTensor.itemSize(dtype);
    } catch (IllegalArgumentException e) {
      throw new InvalidSafetensorsException(file, where + " has unknown dtype '" + dtype + "'");
    }
    if (shapeNode == null || !shapeNode.isArray()) {
      throw new InvalidSafetensorsException(file, where + " has no shape array");
    }
    int[] shape = new int[shapeNode.size()];
    for (int i = 0; i < shape.length; i++) {
      JsonNode d = shapeNode.get(i);
      if (!d.isIntegralNumber() || !d.canConvertToInt() || d.intValue() < 0) {
        throw new InvalidSafetensorsException(file, where + " has a bad dimension " + d);
      }
      shape[i] = d.intValue();
    }
    if (offsetsNode == null
        || !offsetsNode.isArray()
        || offsetsNode.size() != 2
        || !isOffset(offsetsNode.get(0))
        || !isOffset(offsetsNode.get(1))) {
      throw new InvalidSafetensorsException(
          file, where + " needs data_offsets [begin, end] of non-negative integers");
    }
    long begin = offsetsNode.get(0).longValue();
    long end = offsetsNode.get(1).longValue();
    if (end < begin) {
      throw new InvalidSafetensorsException(
          file, where + " has data_offsets [" + begin + ", " + end + "] ending before they begin");
    }
    long expected;
    try {
      expected = Math.multiplyExact(HostTensor.elementCount(shape), itemSize);
    } catch (ArithmeticException e) {
      throw new InvalidSafetensorsException(file, where + " has an overflowing shape");
    }
    if (end - begin != expected) {
      throw new InvalidSafetensorsException(
          file,
          where + " of " + dtype + Arrays.toString(shape) + " needs " + expected
              + " bytes but data_offsets [" + begin + ", " + end + "] hold " + (end - begin));
    }
    return new Entry(name, dtype, shape, begin, end);
  }

  private static boolean isOffset(JsonNode n) {
    return n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0;
  }

  /** The tensors must tile the data section exactly: from 0, no overlap, no hole, no tail. */
  private static void checkOffsets(Path file, List<Entry> entries, long dataLength)
      throws InvalidSafetensorsException {
    entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
    long position = 0;
    String previous = null;
    for (Entry e : entries) {
      if (e.end > dataLength) {
        throw new InvalidSafetensorsException(
            file,
            "tensor '" + e.name + "' data_offsets [" + e.begin + ", " + e.end
                + "] run past the end of the " + dataLength + "-byte data section");
      }
      if (e.begin < position) {
        throw new InvalidSafetensorsException(
            file, "tensor '" + e.name + "' overlaps tensor '" + previous + "'");
      }
      if (e.begin > position) {
        throw new InvalidSafetensorsException(
            file,
            "hole of " + (e.begin - position) + " bytes before tensor '" + e.name
                + "' at data offset " + position);
      }
      position = e.end;
      previous = e.name;
    }
    if (position != dataLength) {
      throw new InvalidSafetensorsException(
          file, (dataLength - position) + " trailing bytes after the last tensor");
    }
  }

  private static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  private static void readFully(FileChannel in, ByteBuffer buffer, long position, Path file)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = in.read(buffer, at);
      if (n < 0) {
        throw new InvalidSafetensorsException(file, "unexpected end of file at byte " + at);
      }
      at += n;
    }
  }
}
