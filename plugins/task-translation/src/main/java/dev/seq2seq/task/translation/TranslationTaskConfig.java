package dev.seq2seq.task.translation;

import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.Doc;

@Doc("Translate sentences from one language to another: parallel text in, an attention"
    + " encoder-decoder trained on it, BLEU and chrF on the held-out data.")
public record TranslationTaskConfig() implements TaskConfig {}
