package dev.seq2seq.task.classification;

import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.Doc;

@Doc("Sentence classification: one label per line of text (sentiment, topic, ...). Metrics:"
    + " loss, accuracy, macro-F1 and the confusion matrix.")
public record ClassificationTaskConfig() implements TaskConfig {}
