package dev.seq2seq.task.translation.model;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.OneOf;
import dev.seq2seq.recipe.config.Positive;
import dev.seq2seq.recipe.config.Violation;
import java.util.ArrayList;
import java.util.List;

@Doc("An attention encoder-decoder (Luong et al. 2015): a stacked, optionally bidirectional"
    + " GRU/LSTM encoder; a recurrent decoder whose attentional vector tanh(W[h; context]) is"
    + " fed back as input at the next step (input feeding); additive (Bahdanau), general or dot"
    + " (Luong) attention; dropout; optionally the output layer tied to the target embeddings.")
public record RnnNetworkConfig(
    @Doc("Recurrent cell: `gru` or `lstm`.") @Default("gru") CellType cell,
    @Doc("Embedding width (source and target).") @Default("256") @Positive int embedding,
    @Doc("Encoder hidden size per direction.") @Default("256") @Positive int encoderHidden,
    @Doc("Stacked encoder layers.") @Default("2") @Positive int encoderLayers,
    @Doc("Whether each encoder layer also reads right to left.") @Default("true") boolean bidirectional,
    @Doc("Decoder hidden size.") @Default("512") @Positive int decoderHidden,
    @Doc("Stacked decoder layers.") @Default("1") @Positive int decoderLayers,
    @Doc("Attention score: `additive` (Bahdanau), `general` or `dot` (Luong).") @Default("additive")
        @OneOf({"additive", "general", "dot"}) String attention,
    @Doc("Hidden size of additive attention.") @Default("256") @Positive int attentionSize,
    @Doc("Feed the previous attentional vector into the decoder with the embedding.") @Default("true") boolean inputFeeding,
    @Doc("Dropout on embeddings, between layers, on encoder states and before the output layer.")
        @Default("0.3") @Min(0) @Max(value = 1, exclusive = true) double dropout,
    @Doc("Share the target embedding matrix with the output layer (the attentional vector then has the embedding width).")
        @Default("false") boolean tieEmbeddings)
    implements NetworkConfig, Checked {

  @Override
  public List<Violation> validate() {
    List<Violation> problems = new ArrayList<>();
    if (cell != CellType.GRU && cell != CellType.LSTM) {
      problems.add(Violation.at("cell", "must be gru or lstm"));
    }
    int keys = encoderHidden * (bidirectional ? 2 : 1);
    if (attention.equals("dot") && keys != decoderHidden) {
      problems.add(Violation.at("attention", "dot attention needs decoder_hidden ("
          + decoderHidden + ") = encoder state width (" + keys + "); use general or additive"));
    }
    return problems;
  }

  /** Width of the encoder states attention reads. */
  public int keySize() {
    return encoderHidden * (bidirectional ? 2 : 1);
  }

  /** Width of the attentional vector (fed back, and read by the output layer). */
  public int attentionalSize() {
    return tieEmbeddings ? embedding : decoderHidden;
  }

  @Override
  public TranslationModel build(
      ParameterStore store, int sourceVocabulary, int targetVocabulary, double labelSmoothing) {
    return new RnnTranslationModel(store, this, sourceVocabulary, targetVocabulary, labelSmoothing);
  }
}
