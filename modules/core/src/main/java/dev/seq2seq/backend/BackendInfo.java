package dev.seq2seq.backend;

import java.util.Map;

/** What a backend reports about itself for {@code seq2seq doctor}. */
public record BackendInfo(
    String name, String version, String device, int threads, Map<String, String> details) {
  public BackendInfo {
    details = Map.copyOf(details);
  }
}
