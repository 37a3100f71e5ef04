package dev.seq2seq.data;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** Shared by the data tests: a tar writer, a local HTTP server, the real mirror's location. */
final class TestData {
  private TestData() {}

  /**
   * The shared mirror: {@code SEQ2SEQ_DATA}, else {@code <project root>/../shared/data}. CI always
   * has one, so its absence is a failure with advice, never a skipped test.
   */
  static Path mirror() {
    String env = System.getenv(DataEnvironment.DATA);
    if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    String root = System.getProperty("seq2seq.project.root");
    if (root != null && Files.isDirectory(Path.of(root, "..", "shared", "data"))) {
      return Path.of(root, "..", "shared", "data").toAbsolutePath().normalize();
    }
    throw new AssertionError("no dataset mirror: set SEQ2SEQ_DATA to the mirror folder, or run the tests with Maven"
        + " from a checkout that has ../shared/data beside it (seq2seq.project.root=" + root + ")");
  }

  static String sha256(byte[] bytes) {
    return Checksums.hex(Checksums.sha256().digest(bytes));
  }

  static PrintStream quiet(ByteArrayOutputStream sink) {
    return new PrintStream(sink, true, StandardCharsets.UTF_8);
  }

  static List<Path> filesUnder(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  /** A tar entry: a name written verbatim (so tests can write hostile ones), a type and content. */
  record Entry(String name, char type, byte[] content) {
    static Entry file(String name, String content) {
      return new Entry(name, '0', content.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A gzip-compressed ustar archive; names longer than 100 bytes get a pax header, as GitHub writes. */
  static byte[] tarGz(List<Entry> entries) throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    List<Entry> all = new ArrayList<>();
    all.add(new Entry("pax_global_header", 'g', "52 comment=0123456789abcdef0123456789abcdef01234567\n".getBytes(StandardCharsets.UTF_8)));
    for (Entry e : entries) {
      if (e.name().length() > 100) {
        String rec = " path=" + e.name() + "\n";
        int len = rec.length();
        while (len != rec.length() + String.valueOf(len).length()) {
          len = rec.length() + String.valueOf(len).length(); // the length counts its own digits
        }
        all.add(new Entry("PaxHeader", 'x', (len + rec).getBytes(StandardCharsets.UTF_8)));
        all.add(new Entry("long-name-placeholder", e.type(), e.content()));
      } else {
        all.add(e);
      }
    }
    for (Entry e : all) {
      byte[] h = new byte[512];
      put(h, 0, e.name(), 100);
      put(h, 100, "0000644", 8);
      put(h, 108, "0000000", 8);
      put(h, 116, "0000000", 8);
      put(h, 124, String.format("%011o", e.content().length), 12);
      put(h, 136, "00000000000", 12);
      h[156] = (byte) e.type();
      put(h, 257, "ustar", 6);
      put(h, 263, "00", 2);
      for (int i = 148; i < 156; i++) {
        h[i] = ' ';
      }
      int sum = 0;
      for (byte b : h) {
        sum += b & 0xff;
      }
      put(h, 148, String.format("%06o", sum), 7);
      tar.write(h);
      tar.write(e.content());
      tar.write(new byte[(512 - e.content().length % 512) % 512]);
    }
    tar.write(new byte[1024]);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(tar.toByteArray());
    }
    return gz.toByteArray();
  }

  private static void put(byte[] h, int offset, String s, int max) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, offset, Math.min(b.length, max));
  }

  /** Serves fixed bytes by path on 127.0.0.1 (404 for anything else) and counts requests. */
  static final class Server implements AutoCloseable {
    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final Map<String, Integer> hits = new ConcurrentHashMap<>();
    private final HttpServer http;

    Server() throws IOException {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      http.createContext("/", exchange -> {
        String path = exchange.getRequestURI().getPath();
        hits.merge(path, 1, Integer::sum);
        byte[] body = files.get(path);
        if (body == null) {
          exchange.sendResponseHeaders(404, -1);
        } else {
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
        exchange.close();
      });
      http.start();
    }

    String base() {
      return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @Override
    public void close() {
      http.stop(0);
    }
  }
}
