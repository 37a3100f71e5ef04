package dev.seq2seq.recipe;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.TypeFrom;

/** A whole experiment, as loaded by {@link RecipeLoader} and printed by {@code recipe show}. */
@Doc("A complete experiment. Sections left out take their defaults; `task` is required.")
public record Recipe(
    @Doc("Name of the experiment, used for its run folder. Empty or left out: the recipe's file name without extension.")
        @Default("\"\"") String name,
    @Doc("The task: `type` names a registered task, which also decides what `data` and `model` hold.")
        TaskConfig task,
    @Doc("The tensor backend.") BackendConfig backend,
    @Doc("Seed of every random generator (initialisation, shuffling, dropout), for reproducible runs.")
        @Default("42") long seed,
    @Doc("Datasets and their preparation; the fields are the task's (see the task's data section).")
        @TypeFrom("task") DataConfig data,
    @Doc("The network; the fields are the task's (see the task's model section).")
        @TypeFrom("task") ModelConfig model,
    @Doc("The training loop.") TrainConfig train,
    @Doc("How outputs are decoded at validation and test time.") DecodeConfig decode,
    @Doc("What is measured on the test data.") EvaluateConfig evaluate) {}
