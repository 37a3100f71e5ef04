package dev.seq2seq.task.speech.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An audio file read a block at a time, mixed down to mono, so that a recording of any length
 * is transcribed in bounded memory: {@link WavStream} or {@link FlacStream}, chosen by the file's
 * first bytes rather than its name.
 */
public interface SampleStream extends AutoCloseable {
  int sampleRate();

  /** Frames (samples per channel) in the file. */
  long frames();

  /** Frames not read yet. */
  long remaining();

  /** The next {@code max} frames or fewer (none at the end), mixed down to mono. */
  float[] read(int max) throws AudioFormatException;

  @Override
  void close();

  default double seconds() {
    return frames() / (double) sampleRate();
  }

  /**
   * Opens a WAV or FLAC file.
   *
   * @throws AudioFormatException naming the file when it is missing, empty or neither format
   */
  static SampleStream open(Path file) throws AudioFormatException {
    byte[] head = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 4);
    } catch (NoSuchFileException e) {
      throw new AudioFormatException(file.toString(), "no such file", e);
    } catch (IOException e) {
      throw new AudioFormatException(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
    }
    if (n == 4 && AudioReader.tag(head, 0).equals("fLaC")) {
      return FlacStream.open(file);
    }
    return WavStream.open(file);
  }

  /** The whole file as mono audio at its own rate. */
  static Audio readAll(Path file) throws AudioFormatException {
    try (SampleStream s = open(file)) {
      if (s.frames() > Integer.MAX_VALUE) {
        throw new AudioFormatException(file.toString(), "too long to read whole ("
            + s.frames() + " samples); transcribe streams it instead");
      }
      return new Audio(s.read((int) s.frames()), s.sampleRate());
    }
  }
}
