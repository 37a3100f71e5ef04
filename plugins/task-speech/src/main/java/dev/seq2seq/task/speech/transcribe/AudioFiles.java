package dev.seq2seq.task.speech.transcribe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files a transcription run covers: files named on the command line as they are, folders
 * walked recursively for audio files, each folder's files in sorted path order so a rerun (and
 * {@code --resume}) sees the same order.
 */
final class AudioFiles {
  static final List<String> EXTENSIONS = List.of(".wav", ".flac");

  private AudioFiles() {}

  static List<Path> expand(List<Path> inputs) {
    List<Path> out = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).filter(AudioFiles::isAudioName)
              .sorted().forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException(p + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
      } else {
        out.add(p); // missing or unreadable files are reported in the output, not dropped
      }
    }
    return out;
  }

  static boolean isAudioName(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }
}
