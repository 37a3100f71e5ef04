package dev.seq2seq.task.speech.data;

import dev.seq2seq.nn.VocabularyConstraint;

/**
 * What the acoustic model writes, one CTC class per unit with the blank at 0: characters (any
 * text in the alphabet) or whole words from a closed list (small-vocabulary tasks such as
 * digits, where a word-level CTC model needs neither spelling nor a frame per letter).
 */
public sealed interface OutputUnits permits CharacterUnits, WordUnits {
  int BLANK = 0;

  /** Classes including the blank. */
  int size();

  /**
   * Label ids of a transcript.
   *
   * @param source names the transcript in errors
   * @throws IllegalArgumentException naming what the units cannot write
   */
  int[] encode(String text, String source);

  /** Text of label ids (no blanks). */
  String decode(int[] ids);

  /** What a prefix beam search must stay within, or null when every label sequence is fine. */
  VocabularyConstraint constraint();

  /** The classes as saved next to a model ({@code alphabet.json}). */
  String json();
}
