package dev.seq2seq.recipe;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import java.util.List;

@Doc("Evaluation on the test data after training (and by `seq2seq evaluate`).")
public record EvaluateConfig(
    @Doc("Metrics to report, by registered name (`bleu`, `chrf`, `wer`, `cer`); empty: the task's defaults.") @Default("[]") List<String> metrics,
    @Doc("Also write the decoded outputs next to the scores.") @Default("true") boolean saveOutputs) {}
