package dev.seq2seq.task.speech.data;

import dev.seq2seq.task.speech.audio.Audio;
import dev.seq2seq.task.speech.audio.SampleStream;
import dev.seq2seq.task.speech.audio.Resampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One FSDD recording, {@code {digit}_{speaker}_{index}.wav}. The official split: takes 0–4 of every
 * digit and speaker are the test set, 5–49 training.
 */
public record FsddRecording(Path file, int digit, String speaker, int index) {
  public static final List<String> WORDS =
      List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
  /** Takes below this index form the official test split. */
  public static final int FIRST_TRAIN_INDEX = 5;

  private static final Pattern NAME = Pattern.compile("(\\d)_([A-Za-z0-9]+)_(\\d+)\\.wav");

  public boolean isTest() {
    return index < FIRST_TRAIN_INDEX;
  }

  /** The spoken digit as a word ("seven"). */
  public String word() {
    return WORDS.get(digit);
  }

  /** The recording at {@code sampleRate}, resampled when FSDD's 8 kHz differs. */
  public Audio load(int sampleRate) throws IOException {
    Audio a = SampleStream.readAll(file);
    return a.sampleRate() == sampleRate ? a : new Resampler(a.sampleRate(), sampleRate).apply(a);
  }

  public Utterance utterance() {
    return new Utterance(file.getFileName().toString(), word(), this::load);
  }

  /** Parses a file name, or explains why it is not an FSDD recording. */
  public static FsddRecording of(Path file) {
    String name = file.getFileName().toString();
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      throw new IllegalArgumentException(file + ": not an FSDD recording name"
          + " ({digit}_{speaker}_{index}.wav expected)");
    }
    return new FsddRecording(file, Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)));
  }

  /**
   * Every recording in {@code folder}, sorted by speaker, digit and index (a stable order,
   * independent of the file system's).
   */
  public static List<FsddRecording> list(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException(folder + ": FSDD recordings folder not found");
    }
    List<FsddRecording> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().endsWith(".wav")) {
          out.add(of(f));
        }
      }
    }
    if (out.isEmpty()) {
      throw new IOException(folder + ": no .wav recordings in the FSDD folder");
    }
    out.sort(Comparator.comparing(FsddRecording::speaker)
        .thenComparingInt(FsddRecording::digit)
        .thenComparingInt(FsddRecording::index));
    return out;
  }
}
