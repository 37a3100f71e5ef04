package dev.seq2seq.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Opens a URL for reading; injectable so tests serve files from a local server or fail on purpose. */
@FunctionalInterface
public interface Transport {

  /**
   * @throws IOException when the URL cannot be reached or does not answer with the file
   */
  Response open(URI uri) throws IOException;

  /** A body to read and its length in bytes ({@code -1} when the server does not say). */
  record Response(InputStream body, long length) implements Closeable {
    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  /** HTTP(S) with the JDK client, following redirects (GitHub archives redirect to codeload). */
  static Transport http() {
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20))
            .build();
    return uri -> {
      HttpRequest request =
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("User-Agent", "seq2seq").GET().build();
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      if (response.statusCode() != 200) {
        response.body().close();
        throw new IOException("HTTP status " + response.statusCode());
      }
      long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      return new Response(response.body(), length);
    };
  }
}
