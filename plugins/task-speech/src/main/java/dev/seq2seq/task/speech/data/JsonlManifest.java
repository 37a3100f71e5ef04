package dev.seq2seq.task.speech.data;

import dev.seq2seq.task.speech.audio.Audio;
import dev.seq2seq.task.speech.audio.SampleStream;
import dev.seq2seq.task.speech.audio.Resampler;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A speech manifest: one JSON object per line, {@code {"audio": "clips/a.wav", "text": "...",
 * "duration": 1.5}} ({@code duration} in seconds, optional). Audio paths are relative to the
 * manifest's folder unless absolute. Blank lines are skipped; every other problem stops the read
 * with the manifest, the line number and what is wrong.
 */
public final class JsonlManifest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One line of a manifest. */
  public record Entry(Path audio, String text, Double duration, int line) {}

  private JsonlManifest() {}

  public static List<Entry> read(Path manifest) throws IOException {
    List<Entry> out = new ArrayList<>();
    Path base = manifest.toAbsolutePath().getParent();
    try (BufferedReader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          out.add(parse(manifest, base, line, number));
        }
      }
    } catch (NoSuchFileException e) {
      throw new IOException(manifest + ": manifest not found", e);
    }
    if (out.isEmpty()) {
      throw new IOException(manifest + ": manifest has no entries");
    }
    return out;
  }

  private static Entry parse(Path manifest, Path base, String line, int number) throws IOException {
    String where = manifest + ":" + number;
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JacksonException e) {
      throw new IOException(where + ": not a JSON object (" + e.getOriginalMessage() + ")", e);
    }
    if (node == null || !node.isObject()) {
      throw new IOException(where + ": not a JSON object");
    }
    JsonNode audio = node.get("audio");
    JsonNode text = node.get("text");
    if (audio == null || !audio.isString() || audio.asString().isBlank()) {
      throw new IOException(where + ": \"audio\" (a path string) is missing");
    }
    if (text == null || !text.isString()) {
      throw new IOException(where + ": \"text\" (the transcript string) is missing");
    }
    JsonNode d = node.get("duration");
    Double duration = null;
    if (d != null && !d.isNull()) {
      if (!d.isNumber() || d.asDouble() < 0) {
        throw new IOException(where + ": \"duration\" must be a non-negative number of seconds, got " + d);
      }
      duration = d.asDouble();
    }
    try {
      Alphabet.encode(text.asString(), where);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    return new Entry(base.resolve(audio.asString()).normalize(), text.asString(), duration, number);
  }

  /** The manifest's entries as utterances (audio read and resampled when loaded). */
  public static List<Utterance> utterances(Path manifest) throws IOException {
    List<Utterance> out = new ArrayList<>();
    for (Entry e : read(manifest)) {
      Path file = e.audio();
      out.add(new Utterance(file.toString(), e.text(), rate -> load(file, rate)));
    }
    return out;
  }

  /** Reads an audio file at {@code rate}. */
  public static Audio load(Path file, int rate) throws IOException {
    Audio a = SampleStream.readAll(file);
    return a.sampleRate() == rate ? a : new Resampler(a.sampleRate(), rate).apply(a);
  }
}
