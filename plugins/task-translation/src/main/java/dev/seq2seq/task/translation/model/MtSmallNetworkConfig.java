package dev.seq2seq.task.translation.model;

import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.recipe.config.Doc;

@Doc("The mt-small benchmark network exactly (BENCHMARKS.md, the PyTorch peer's): embeddings 256,"
    + " a 1-layer bidirectional GRU encoder of 256 per direction, a GRU decoder of 512 with"
    + " additive attention of 512. No sizes to set.")
public record MtSmallNetworkConfig() implements NetworkConfig {

  @Override
  public TranslationModel build(
      ParameterStore store, int sourceVocabulary, int targetVocabulary, double labelSmoothing) {
    return new MtSmallTranslation(
        new MtSmallModel(store, MtSmallModel.Config.spec(sourceVocabulary, targetVocabulary)),
        labelSmoothing);
  }
}
