package dev.seq2seq.train;

import java.util.List;
import java.util.Map;

/**
 * Everything of a run's progress besides weights and optimiser moments; saved as {@code
 * state.json} in each checkpoint.
 *
 * <p>There is no random generator state to save: the trainer derives each step's dropout
 * generator from the recipe seed and the step, and tasks derive shuffling from the seed and the
 * epoch, so {@code seed}, {@code step} and {@code position} are the generator state.
 *
 * @param seed the recipe seed the run started with (a resume with another seed is refused)
 * @param step optimiser updates done
 * @param position the next training batch
 * @param skipped batches skipped for a non-finite loss or gradient norm
 * @param lossSum sum of the losses since the last progress line (so averages resume exactly)
 * @param lossCount number of losses in {@code lossSum}
 * @param observed every validation value of the watched metric so far, in order (replayed into
 *     a plateau schedule on resume)
 * @param best best value of the watched metric so far, or null before the first validation
 * @param bestStep step of {@code best}
 * @param badValidations validations since the last improvement (early stopping's patience)
 * @param score the watched metric at this checkpoint's step, or null when it was not validated
 *     then; ranks checkpoints for keep-best
 * @param validation the latest validation metrics
 */
public record TrainState(
    long seed,
    long step,
    DataPosition position,
    long skipped,
    double lossSum,
    long lossCount,
    List<Double> observed,
    Double best,
    long bestStep,
    int badValidations,
    Double score,
    Map<String, Double> validation) {

  public TrainState {
    observed = List.copyOf(observed);
    validation = Map.copyOf(validation);
  }

  public static TrainState initial(long seed) {
    return new TrainState(
        seed, 0, DataPosition.start(), 0, 0, 0, List.of(), null, 0, 0, null, Map.of());
  }
}
