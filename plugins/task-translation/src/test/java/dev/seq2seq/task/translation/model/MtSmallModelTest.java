package dev.seq2seq.task.translation.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.BeamSearch;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Parameter;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.optim.Adam;
import dev.seq2seq.optim.GradientClipping;
import dev.seq2seq.plugin.Plugins;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The mt-small network: the spec's size, and that it learns (on the backend registered as native). */
class MtSmallModelTest {

  static Backend nativeBackend() {
    BackendProvider provider =
        Plugins.discover(MtSmallModelTest.class.getClassLoader())
            .registry(BackendProvider.class)
            .get("native");
    return provider.create(new BackendOptions(BackendOptions.Device.CPU, 2));
  }

  @Test
  void hasThePeersParameterCountForTheSpecVocabularies() {
    ParameterStore store = new ParameterStore(nativeBackend(), 1);
    new MtSmallModel(store, MtSmallModel.Config.spec(2_820, 2_618));
    // sum(p.numel()) of torch_seq2seq.py's Seq2Seq(2820, 2618): "8.29 M" in BENCHMARKS.md.
    assertThat(store.count()).isEqualTo(8_292_410L);
  }

  @Test
  void teacherForcedLossFallsOnARepeatedBatchAndGreedyReproducesIt() {
    Backend backend = nativeBackend();
    ParameterStore store = new ParameterStore(backend, 3);
    MtSmallModel model = new MtSmallModel(store, new MtSmallModel.Config(12, 10, 16, 16, 32, 32));
    // Framed sequences: <s>=2 … </s>=3; the targets are a fixed function of the sources.
    List<int[]> sources = List.of(new int[] {2, 5, 6, 7, 3}, new int[] {2, 8, 9, 3});
    List<int[]> targets = List.of(new int[] {2, 4, 5, 6, 3}, new int[] {2, 7, 8, 3});
    MtSmallData.HostBatch host = new MtSmallData.HostBatch(sources, targets);
    assertThat(host.targetTokens()).isEqualTo(7);
    List<Parameter> parameters = List.copyOf(store.parameters().values());
    Adam adam = new Adam(parameters, 1e-2);
    ForwardMode mode = ForwardMode.train(new SplittableRandom(1));
    double first = Double.NaN;
    double last = Double.NaN;
    for (int step = 0; step < 60; step++) {
      MtSmallData.DeviceBatch b = MtSmallData.toDevice(backend, host);
      assertThat(b.inputs()).hasSize(4); // longest target 5 tokens → 4 predictions
      adam.zeroGrad();
      try (GradientTape tape = backend.gradientTape()) {
        Tensor loss = model.loss(model.encode(b.source(), b.lengths(), mode), b.inputs(), b.targets(), mode);
        last = loss.item();
        tape.backward(loss);
      }
      if (step == 0) {
        first = last;
        assertThat(first).isCloseTo(Math.log(10), org.assertj.core.data.Offset.offset(0.5));
      }
      GradientClipping.clipByGlobalNorm(parameters, 1.0);
      adam.step();
    }
    assertThat(last).isLessThan(0.05 * first);
    int[] lengths = new int[2];
    Tensor ids = MtSmallData.pad(backend, sources, lengths);
    assertThat(lengths).containsExactly(5, 4);
    List<int[]> decoded = model.greedy(ids, lengths, 10);
    assertThat(decoded.get(0)).containsExactly(4, 5, 6);
    assertThat(decoded.get(1)).containsExactly(7, 8);

    // Beam 1 is greedy; a wider beam finds the same (learnt) outputs, with attention over each
    // sentence's own source tokens.
    List<List<BeamSearch.Hypothesis>> one =
        model.beam(ids, lengths, new BeamSearch.Options(1, 1, 0.0, 0.0, 10), false);
    assertThat(one.get(0).get(0).tokens()).containsExactly(decoded.get(0));
    assertThat(one.get(1).get(0).tokens()).containsExactly(decoded.get(1));
    BeamSearch.Options three = new BeamSearch.Options(3, 3, 1.0, 2.0, 2);
    List<List<BeamSearch.Hypothesis>> nbest = model.beam(ids, lengths, three, true);
    for (int s = 0; s < 2; s++) {
      assertThat(nbest.get(s)).hasSize(3);
      BeamSearch.Hypothesis best = nbest.get(s).get(0);
      assertThat(best.tokens()).containsExactly(decoded.get(s));
      assertThat(best.logProb()).isGreaterThan(-0.5).isLessThan(0);
      assertThat(best.attention()).hasDimensions(best.tokens().length + 1, lengths[s]);
      for (float[] weights : best.attention()) {
        double sum = 0;
        for (float w : weights) {
          sum += w;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
      }
    }
    // Each sentence alone decodes bit for bit as it did in the batch.
    for (int s = 0; s < 2; s++) {
      int[] alone = new int[1];
      Tensor single = MtSmallData.pad(backend, List.of(sources.get(s)), alone);
      List<BeamSearch.Hypothesis> mine = model.beam(single, alone, three, true).get(0);
      for (int i = 0; i < 3; i++) {
        assertThat(mine.get(i).tokens()).containsExactly(nbest.get(s).get(i).tokens());
        assertThat(mine.get(i).logProb()).isEqualTo(nbest.get(s).get(i).logProb());
        assertThat(mine.get(i).attention()).isDeepEqualTo(nbest.get(s).get(i).attention());
      }
    }
  }
}
