package dev.seq2seq.recipe;

import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Registered;

@Doc("The tensor backend that runs the experiment.")
public record BackendConfig(
    @Doc("A registered backend (see `seq2seq plugins`).") @Default("native") @Registered(BackendProvider.class) String type,
    @Doc("Where tensors live; auto picks a GPU when the backend can use one.") @Default("auto") BackendOptions.Device device,
    @Doc("Worker threads for kernels; 0 means one per available core.") @Default("0") @Min(0) int threads) {

  /** What to pass to {@code BackendProvider.create}. */
  public BackendOptions options() {
    return new BackendOptions(device, threads);
  }
}
