package dev.seq2seq.task.lm;

import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.Doc;

@Doc("Language modelling: predict the next character (or word) of one long text, trained with"
    + " truncated back-propagation through time. `seq2seq generate` samples text from the model.")
public record LmTaskConfig() implements TaskConfig {}
