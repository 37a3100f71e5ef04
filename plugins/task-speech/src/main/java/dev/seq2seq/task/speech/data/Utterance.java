package dev.seq2seq.task.speech.data;

import dev.seq2seq.task.speech.audio.Audio;
import java.io.IOException;

/**
 * One training or test example: where its audio comes from and what was said.
 *
 * @param id names the example in messages (a file path, or a generated sequence's parts)
 * @param text the transcript, normalised ({@link Alphabet#normalize})
 * @param audio produces the samples at a requested rate (read and resampled, or generated)
 */
public record Utterance(String id, String text, AudioSource audio) {

  /** Audio on demand, so a corpus can be listed without holding every waveform. */
  @FunctionalInterface
  public interface AudioSource {
    Audio load(int sampleRate) throws IOException;
  }

  public Utterance {
    text = Alphabet.normalize(text);
  }
}
