package dev.seq2seq.task.translation.model;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.BeamSearch;
import dev.seq2seq.nn.ForwardMode;

/**
 * What the translation task needs of a network: a teacher-forced loss for training, and a
 * step-wise decoder for greedy and beam search. Sources are framed {@code <s> … </s>}.
 */
public interface TranslationModel {

  /**
   * Mean cross-entropy over the batch's non-padding targets; label smoothing applies only when
   * {@code mode} trains, so validation reports the plain loss.
   */
  Tensor loss(MtSmallData.DeviceBatch batch, ForwardMode mode);

  /**
   * Encodes a padded source batch (inference mode) and returns a decoder at its first step, one
   * live row per sentence.
   *
   * @param ids INT32 {@code [B, S]}
   * @param lengths source lengths, framing included
   */
  Decoder decoder(Tensor ids, int[] lengths);

  /** Decoder steps over live rows; keeps its own state between calls. */
  interface Decoder extends BeamSearch.Step {}
}
