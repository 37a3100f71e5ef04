package dev.seq2seq.task.toy;

import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.Doc;

@Doc("Reverse digit sequences: a synthetic task, generated from the recipe seed, that checks the"
    + " whole training stack in seconds.")
public record ToyTaskConfig() implements TaskConfig {}
