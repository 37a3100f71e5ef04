package dev.seq2seq.task.translation.model;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.loss.CrossEntropy;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.attention.AttentionKeys;
import dev.seq2seq.task.translation.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/** {@link MtSmallModel} as a translation network: its loss with optional smoothing, its decoder. */
final class MtSmallTranslation implements TranslationModel {
  private final MtSmallModel model;
  private final CrossEntropy train;
  private final CrossEntropy eval = new CrossEntropy(Vocabulary.PAD_ID, 0.0);

  MtSmallTranslation(MtSmallModel model, double labelSmoothing) {
    this.model = model;
    this.train = new CrossEntropy(Vocabulary.PAD_ID, labelSmoothing);
  }

  @Override
  public Tensor loss(MtSmallData.DeviceBatch batch, ForwardMode mode) {
    MtSmallModel.Source source = model.encode(batch.source(), batch.lengths(), mode);
    RecurrentState state = source.start();
    List<Tensor> logits = new ArrayList<>(batch.inputs().size());
    for (Tensor previous : batch.inputs()) {
      MtSmallModel.Step step = model.step(previous, state, source.keys(), mode);
      logits.add(step.logits());
      state = step.state();
    }
    Backend backend = batch.source().backend();
    Tensor all = backend.stack(logits, 1); // [B, T, V]
    int rows = batch.targets().shape().dim(0);
    return (mode.training() ? train : eval)
        .loss(all.reshape(rows, model.config().targetVocabulary()), batch.targets());
  }

  @Override
  public Decoder decoder(Tensor ids, int[] lengths) {
    MtSmallModel.Source source = model.encode(ids, lengths, ForwardMode.eval());
    return new Decoder() {
      private RecurrentState state = source.start();
      private AttentionKeys keys = source.keys();
      private Tensor weights;

      @Override
      public float[] logProbs(int[] previous) {
        Tensor prev = ids.backend().ofInts(previous.clone(), previous.length);
        MtSmallModel.Step step = model.step(prev, state, keys, ForwardMode.eval());
        state = step.state();
        weights = step.attention();
        return step.logits().logSoftmax(1).toFloatArray();
      }

      @Override
      public void reorder(int[] rows) {
        state = new RecurrentState(dev.seq2seq.nn.Batches.select(state.h(), 1, rows), null);
        keys = keys.reorder(rows);
        weights = null;
      }

      @Override
      public float[][] attention() {
        return Attentions.rows(weights, keys.encoder().lengths());
      }
    };
  }
}
