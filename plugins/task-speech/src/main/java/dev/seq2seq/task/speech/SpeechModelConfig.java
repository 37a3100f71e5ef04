package dev.seq2seq.task.speech;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.recipe.ModelConfig;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;

@Doc("A recurrent CTC acoustic model: stacked (bi)directional LSTM or GRU layers over the feature"
    + " steps, a linear layer to the 29 classes (CTC blank, space, a-z, apostrophe), log-softmax."
    + " The defaults are BENCHMARKS.md's asr-small (2-layer BiLSTM, 256 per direction).")
public record SpeechModelConfig(
    @Doc("Recurrent cell: lstm or gru.") @Default("lstm") CellType cell,
    @Doc("Hidden size per direction.") @Default("256") @Positive int hidden,
    @Doc("Stacked recurrent layers.") @Default("2") @Positive @Max(12) int layers,
    @Doc("Read each layer in both directions.") @Default("true") boolean bidirectional,
    @Doc("Dropout between recurrent layers while training.") @Default("0.0") @Min(0) @Max(0.9)
        double dropout,
    @Doc("Dropout on the input features while training.") @Default("0.0") @Min(0) @Max(0.9)
        double inputDropout,
    @Doc("Dropout before the output layer while training.") @Default("0.0") @Min(0) @Max(0.9)
        double outputDropout)
    implements ModelConfig {

  /** BENCHMARKS.md's asr-small network. */
  public static SpeechModelConfig asrSmall() {
    return new SpeechModelConfig(CellType.LSTM, 256, 2, true, 0, 0, 0);
  }
}
