package dev.seq2seq.train;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.weights.HostTensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One task prepared for one recipe on one backend: its model, its data, and how to score it.
 *
 * @param <B> the task's batch type
 */
public interface TaskSession<B extends TaskSession.Batch> {

  /** What the trainer needs to know of a batch. */
  interface Batch {
    /** Tokens in the batch, padding excluded (for tokens per second). */
    long tokens();
  }

  /** Which held-out data {@link #metrics} scores. */
  enum Split {
    VALIDATION,
    TEST
  }

  /** The model's parameters; the trainer optimises and checkpoints exactly these. */
  ParameterStore parameters();

  /** Number of training batches in one epoch (at least 1). */
  long batchesPerEpoch();

  /**
   * The training batch at {@code position}. The same position always gives the same batch, so a
   * run can resume anywhere: any shuffling must be derived from the recipe seed and the epoch
   * only, never from a generator carried from one call to the next.
   */
  B batch(DataPosition position);

  /**
   * The scalar training loss of a batch. The trainer calls this inside an open gradient tape and
   * a tensor scope; {@code mode} carries the step's dropout generator.
   */
  Tensor loss(B batch, ForwardMode mode);

  /**
   * Scores the model on held-out data, outside any tape. The map must hold {@code loss}, plus
   * whatever else the task measures ({@code exact_match}, {@code bleu}, ...).
   */
  Map<String, Double> metrics(Split split);

  /**
   * How the scores of the last {@link #metrics} call were computed, by metric name, for metrics
   * whose number means little without it (sacreBLEU's signature for BLEU and chrF). {@code
   * evaluate} prints these with the scores. Empty by default.
   */
  default Map<String, String> metricSignatures() {
    return Map.of();
  }

  /**
   * Writes what inference needs besides the weights and the recipe (vocabularies, tokenizer
   * models) into {@code modelDir}; {@link Task#load} reads them back.
   */
  void writeExtras(Path modelDir) throws IOException;

  /**
   * State that training carries from one batch to the next besides the weights and the
   * optimiser, such as a language model's recurrent state under truncated back-propagation
   * through time. The trainer saves it in every checkpoint and hands it back to {@link
   * #restoreCarriedState} on resume, so that a resumed run repeats an uninterrupted one exactly
   * even though {@link #loss} then depends on more than its batch. Most tasks carry nothing.
   */
  default Map<String, HostTensor> carriedState() {
    return Map.of();
  }

  /** Restores what {@link #carriedState} returned when the checkpoint was saved. */
  default void restoreCarriedState(Map<String, HostTensor> state) {}
}
