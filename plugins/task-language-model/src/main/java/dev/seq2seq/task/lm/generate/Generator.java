package dev.seq2seq.task.lm.generate;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.task.lm.model.HostState;
import dev.seq2seq.task.lm.model.LanguageModel;
import dev.seq2seq.task.lm.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/** Continues a prompt one token at a time, feeding each drawn token back in. */
public final class Generator {
  private final LanguageModel model;
  private final Vocabulary vocabulary;

  public Generator(LanguageModel model, Vocabulary vocabulary) {
    this.model = model;
    this.vocabulary = vocabulary;
  }

  /**
   * @param prompt token ids to read first (at least one)
   * @param length tokens to draw
   * @param emitted told each drawn id as it comes (for streaming output)
   * @return the drawn ids; the unknown token is never drawn
   */
  public List<Integer> generate(int[] prompt, int length, Sampler sampler, SplittableRandom rng,
      IntConsumer emitted) {
    if (prompt.length == 0) {
      throw new IllegalArgumentException("generation needs a prompt of at least one token");
    }
    Backend backend = model.backend();
    List<Integer> out = new ArrayList<>(length);
    HostState state = null;
    int[] input = prompt;
    for (int step = 0; step < length; step++) {
      float[] logits;
      try (TensorScope scope = backend.scope()) {
        LanguageModel.Output o = model.forward(backend.ofInts(input, 1, input.length), null,
            state == null ? null : state.toBackend(backend), ForwardMode.eval());
        Tensor last = o.logits().slice(1, input.length - 1, input.length);
        logits = last.toFloatArray();
        state = HostState.of(o.state());
      }
      int next = sampler.sample(logits, Vocabulary.UNKNOWN_ID, rng);
      out.add(next);
      emitted.accept(next);
      input = new int[] {next};
    }
    return out;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }
}
