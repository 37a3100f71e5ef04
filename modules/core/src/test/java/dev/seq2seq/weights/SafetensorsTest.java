package dev.seq2seq.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
  @TempDir Path dir;

  @Test
  void roundTripKeepsEveryDtypeShapeValueAndMetadata() throws IOException {
    Map<String, HostTensor> tensors = new LinkedHashMap<>();
    tensors.put("encoder.weight_ih_l0", HostTensor.ofFloats(new float[] {1.5f, -2f, 3f, 0f, 1e-30f, Float.NaN}, 2, 3));
    tensors.put("decoder.bias", HostTensor.ofDoubles(new double[] {Math.PI, -0.0}, 2));
    tensors.put("vocab.ids", HostTensor.ofInts(new int[] {Integer.MIN_VALUE, 0, 7}, 3));
    tensors.put("step", HostTensor.ofLongs(new long[] {1L << 40}));
    tensors.put("empty", HostTensor.ofFloats(new float[0], 0, 4));
    Map<String, String> metadata = Map.of("format", "pt", "note", "ünïcode ✓");
    Path file = dir.resolve("model.safetensors");
    Safetensors.write(file, tensors, metadata);

    Safetensors.Contents read = Safetensors.read(file);
    assertThat(read.tensors()).containsExactlyInAnyOrderEntriesOf(tensors);
    assertThat(read.metadata()).containsExactlyInAnyOrderEntriesOf(metadata);
    assertThat(read.tensors().get("step").toLongArray()).containsExactly(1L << 40);
    assertThat(read.tensors().get("step").shape()).isEmpty();
    assertThat(read.tensors().get("decoder.bias").toDoubleArray()).containsExactly(Math.PI, -0.0);
    assertThat(read.tensors().get("vocab.ids").toIntArray()).containsExactly(Integer.MIN_VALUE, 0, 7);
  }

  @Test
  void writeReplacesAnExistingFileAndLeavesNoTemporaryBehind() throws IOException {
    Path file = dir.resolve("ckpt.safetensors");
    Safetensors.write(file, Map.of("a", HostTensor.ofFloats(new float[] {1, 2}, 2)), Map.of());
    Safetensors.write(file, Map.of("b", HostTensor.ofFloats(new float[] {3}, 1)), Map.of());
    assertThat(Safetensors.read(file).tensors()).containsOnlyKeys("b");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  /**
   * The bytes the Python library writes for {@code save_file({"z": f64[2], "a": f32[2], "m":
   * i64[1]}, metadata={"format": "pt"})}: 8-byte length, compact JSON with the metadata first and
   * the tensors in data order (descending dtype alignment I64 > F64 > F32, then name), padded
   * with spaces to a multiple of 8, then the data.
   */
  @Test
  void writesTheSameBytesAsThePythonLibrary() throws IOException {
    Map<String, HostTensor> tensors = new LinkedHashMap<>();
    tensors.put("z", HostTensor.ofDoubles(new double[] {1.0, -2.0}, 2));
    tensors.put("a", HostTensor.ofFloats(new float[] {0.5f, 3.0f}, 1, 2));
    tensors.put("m", HostTensor.ofLongs(new long[] {258}, 1));
    Path file = dir.resolve("py.safetensors");
    Safetensors.write(file, tensors, Map.of("format", "pt"));

    String json =
        "{\"__metadata__\":{\"format\":\"pt\"},"
            + "\"m\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]},"
            + "\"z\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[8,24]},"
            + "\"a\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[24,32]}}";
    assertThat(json.length()).isEqualTo(196); // padded with 4 spaces to 200
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(new byte[] {(byte) 200, 0, 0, 0, 0, 0, 0, 0});
    expected.writeBytes((json + "    ").getBytes(StandardCharsets.UTF_8));
    expected.writeBytes(new byte[] {2, 1, 0, 0, 0, 0, 0, 0}); // 258 = 0x0102
    expected.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xf0, 0x3f}); // 1.0
    expected.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) 0xc0}); // -2.0
    expected.writeBytes(new byte[] {0, 0, 0, 0x3f, 0, 0, 0x40, 0x40}); // 0.5f, 3.0f
    assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
  }

  @Test
  void writesNoMetadataEntryWhenThereIsNone() throws IOException {
    Path file = dir.resolve("plain.safetensors");
    Safetensors.write(file, Map.of("w", HostTensor.ofFloats(new float[] {1f}, 1)), Map.of());
    String json = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}"; // 54 bytes
    byte[] bytes = Files.readAllBytes(file);
    assertThat(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(56);
    assertThat(new String(bytes, 8, 56, StandardCharsets.UTF_8)).isEqualTo(json + "  ");
  }

  /** A hand-built file: JSON keys in another order than the data, half-precision types. */
  @Test
  void readsHandBuiltFileWithHalfPrecisionTypes() throws IOException {
    String json =
        "{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[4,12]},"
            + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]},"
            + "\"__metadata__\":{\"k\":\"v\"}}";
    byte[] data = {
      (byte) 0x80, 0x3f, 0x40, (byte) 0xc0, // BF16 1.0, -3.0
      0x00, 0x3c, 0x00, (byte) 0xc0, 0x01, 0x00, 0x00, 0x7c // F16 1.0, -2.0, 2^-24, +inf
    };
    Path file = file("half.safetensors", json, data);
    Safetensors.Contents c = Safetensors.read(file);
    assertThat(c.tensors().keySet()).containsExactly("b", "h"); // data order
    assertThat(c.tensors().get("b").toFloatArray()).containsExactly(1.0f, -3.0f);
    assertThat(c.tensors().get("h").toFloatArray())
        .containsExactly(1.0f, -2.0f, 0x1p-24f, Float.POSITIVE_INFINITY);
    assertThat(c.metadata()).containsExactly(Map.entry("k", "v"));
  }

  @Test
  void halfToFloatCoversNormalsSubnormalsAndSpecials() {
    assertThat(HostTensor.halfToFloat((short) 0x7bff)).isEqualTo(65504f); // largest normal
    assertThat(HostTensor.halfToFloat((short) 0x0400)).isEqualTo(0x1p-14f); // smallest normal
    assertThat(HostTensor.halfToFloat((short) 0x03ff)).isEqualTo(1023 * 0x1p-24f);
    assertThat(HostTensor.halfToFloat((short) 0x8000)).isEqualTo(-0.0f);
    assertThat(HostTensor.halfToFloat((short) 0x3555)).isEqualTo(0.333251953125f);
    assertThat(HostTensor.halfToFloat((short) 0x7e00)).isNaN();
  }

  // ---- corruption: every case is rejected with the file and the problem named ----------------

  @Test
  void rejectsFileShorterThanTheLengthField() throws IOException {
    Path file = dir.resolve("tiny.safetensors");
    Files.write(file, new byte[] {1, 2, 3});
    assertRejected(file, "fewer than the 8-byte header length");
  }

  @Test
  void rejectsHeaderLengthBeyondTheFile() throws IOException {
    Path file = dir.resolve("long.safetensors");
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(1000).put("{}      ".getBytes(StandardCharsets.US_ASCII));
    Files.write(file, b.array());
    assertRejected(file, "header length 1000 exceeds");
    ByteBuffer negative = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    negative.putLong(-1).put("{}      ".getBytes(StandardCharsets.US_ASCII));
    Files.write(file, negative.array());
    assertRejected(file, "header length 18446744073709551615 exceeds");
  }

  @Test
  void rejectsInvalidJson() throws IOException {
    assertRejected(file("bad.safetensors", "{\"a\": [1, 2", new byte[0]), "not valid JSON");
    assertRejected(file("array.safetensors", "[1, 2]", new byte[0]), "not a JSON object");
    assertRejected( // a name given twice
        file(
            "twice.safetensors",
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
            new byte[4]),
        "not valid JSON");
    assertRejected(
        file("meta.safetensors", "{\"__metadata__\":{\"n\":3}}", new byte[0]), "not a string");
  }

  @Test
  void rejectsUnknownDtype() throws IOException {
    assertRejected(
        file("dtype.safetensors", "{" + entry("w", "F17", "[1]", 0, 4) + "}", new byte[4]),
        "tensor 'w' has unknown dtype 'F17'");
  }

  @Test
  void rejectsShapeThatDisagreesWithOffsets() throws IOException {
    assertRejected(
        file("shape.safetensors", "{" + entry("w", "F32", "[2,2]", 0, 12) + "}", new byte[12]),
        "tensor 'w' of F32[2, 2] needs 16 bytes but data_offsets [0, 12] hold 12");
    assertRejected(
        file("neg.safetensors", "{" + entry("w", "F32", "[-1]", 0, 4) + "}", new byte[4]),
        "bad dimension");
    assertRejected(
        file("backwards.safetensors", "{" + entry("w", "F32", "[0]", 4, 0) + "}", new byte[4]),
        "ending before they begin");
  }

  @Test
  void rejectsOverlappingOffsets() throws IOException {
    String json =
        "{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 4, 12) + "}";
    assertRejected(file("overlap.safetensors", json, new byte[12]), "tensor 'b' overlaps tensor 'a'");
  }

  @Test
  void rejectsOffsetsPastTheData() throws IOException {
    assertRejected(
        file("range.safetensors", "{" + entry("a", "F32", "[2]", 0, 8) + "}", new byte[4]),
        "run past the end of the 4-byte data section");
  }

  @Test
  void rejectsTrailingGarbage() throws IOException {
    assertRejected(
        file("tail.safetensors", "{" + entry("a", "F32", "[1]", 0, 4) + "}", new byte[7]),
        "3 trailing bytes after the last tensor");
  }

  @Test
  void rejectsHoles() throws IOException {
    String json =
        "{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("b", "F32", "[1]", 8, 12) + "}";
    assertRejected(file("hole.safetensors", json, new byte[12]), "hole of 4 bytes before tensor 'b'");
    assertRejected(
        file("start.safetensors", "{" + entry("a", "F32", "[1]", 4, 8) + "}", new byte[8]),
        "hole of 4 bytes before tensor 'a' at data offset 0");
  }

  @Test
  void rejectsWritingAReservedName() {
    assertThatThrownBy(
            () ->
                Safetensors.write(
                    dir.resolve("x.safetensors"),
                    Map.of("__metadata__", HostTensor.ofFloats(new float[] {1}, 1)),
                    Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hostTensorChecksShapeAgainstData() {
    assertThatThrownBy(() -> HostTensor.ofFloats(new float[3], 2, 2))
        .hasMessageContaining("needs 16 bytes, got 12");
    assertThatThrownBy(() -> HostTensor.ofBytes("Q8", new int[] {1}, new byte[1]))
        .hasMessageContaining("unknown dtype 'Q8'");
    assertThat(HostTensor.ofInts(new int[] {1, 2}, 2).data().order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
  }

  private static String entry(String name, String dtype, String shape, long begin, long end) {
    return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape
        + ",\"data_offsets\":[" + begin + "," + end + "]}";
  }

  /** A file with the given header (padded to 8 bytes) and data section. */
  private Path file(String name, String json, byte[] data) throws IOException {
    byte[] header = json.getBytes(StandardCharsets.UTF_8);
    int padded = (header.length + 7) / 8 * 8;
    ByteBuffer b = ByteBuffer.allocate(8 + padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(padded).put(header);
    for (int i = header.length; i < padded; i++) {
      b.put((byte) ' ');
    }
    b.put(data);
    Path file = dir.resolve(name);
    Files.write(file, b.array());
    return file;
  }

  private static void assertRejected(Path file, String problem) {
    assertThatThrownBy(() -> Safetensors.read(file))
        .isInstanceOf(InvalidSafetensorsException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(problem);
  }
}
