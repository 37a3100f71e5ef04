package dev.seq2seq.task.translation.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.command.LoadedModel;
import dev.seq2seq.command.ModelLoader;
import dev.seq2seq.nn.BeamSearch;
import dev.seq2seq.plugin.Plugins;
import dev.seq2seq.task.translation.Cli;
import dev.seq2seq.task.translation.TinyModel;
import dev.seq2seq.task.translation.TranslationSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decoding checked against teacher forcing: the score the search reports for an output must be
 * the log-probability the model gives that output when it is fed in whole. A decoder that
 * reorders its state or the encoder outputs wrongly during beam search fails this.
 */
class TranslatorTest {
  private static LoadedModel model;
  private static Translator translator;
  private static final List<String> SENTENCES = List.of(
      "Ein Mann fährt Fahrrad.", "Zwei Hunde spielen im Schnee.", "Eine Katze fährt Fahrrad im Park.",
      "Kinder singen.", "Ein Mädchen und ein Hund laufen auf der Straße, zwei Katzen schlafen.",
      "Xylophon Quark Zebra.");

  @BeforeAll
  static void load() throws IOException {
    ModelLoader loader = Plugins.discover(TranslatorTest.class.getClassLoader()).injector()
        .getInstance(ModelLoader.class);
    model = loader.load(TinyModel.get(), List.of());
    translator = model.session(TranslationSession.class, "test").translator();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  private static Translator.Settings settings(int beam, int nbest, double ratio, int offset) {
    return new Translator.Settings(new BeamSearch.Options(beam, nbest, 0.0, ratio, offset), 4);
  }

  @Test
  void greedyScoresAreTheModelsLogProbabilities() {
    List<Translator.Translation> out = translator.translate(SENTENCES, settings(1, 1, 2.0, 10), false);
    for (int i = 0; i < SENTENCES.size(); i++) {
      Translator.Candidate best = out.get(i).nbest().get(0);
      assertThat(best.score())
          .as(SENTENCES.get(i))
          .isCloseTo(translator.logProbability(SENTENCES.get(i), best.ids()), within(1e-3));
    }
    assertThat(out.get(0).text()).isEqualTo(Cli.PAIRS.get(0)[1]);
  }

  @Test
  void beamHypothesesAreScoredByTheModelAndDistinct() {
    List<Translator.Translation> out = translator.translate(SENTENCES, settings(4, 4, 2.0, 10), true);
    List<Translator.Translation> greedy = translator.translate(SENTENCES, settings(1, 1, 2.0, 10), false);
    for (int i = 0; i < SENTENCES.size(); i++) {
      List<Translator.Candidate> nbest = out.get(i).nbest();
      assertThat(nbest).hasSize(4);
      Set<String> seen = new HashSet<>();
      int scored = 0;
      for (int k = 0; k < nbest.size(); k++) {
        Translator.Candidate c = nbest.get(k);
        assertThat(seen.add(Arrays.toString(c.ids()))).as("duplicate hypothesis").isTrue();
        int limit = (int) Math.ceil(2.0 * (translator.encodeSource(SENTENCES.get(i)).length - 2)) + 10;
        if (c.ids().length < limit) { // a hypothesis cut at the limit has no end-of-sequence to score
          assertThat(c.score()).isCloseTo(translator.logProbability(SENTENCES.get(i), c.ids()), within(1e-3));
          scored++;
        }
        if (k > 0) {
          assertThat(c.score()).isLessThanOrEqualTo(nbest.get(k - 1).score());
        }
      }
      assertThat(scored).as("hypotheses that ended").isPositive();
      // The best of four hypotheses is at least as likely as the greedy one here (greedy's path is
      // among those the beam explores first on this small model).
      assertThat(nbest.get(0).score()).isGreaterThanOrEqualTo(greedy.get(i).score() - 1e-4);
      assertThat(out.get(i).attention().length).isEqualTo(out.get(i).targetTokens().size());
    }
  }

  @Test
  void outputsStopAtTheMaximumLength() {
    for (int beam : new int[] {1, 3}) {
      List<Translator.Translation> out = translator.translate(SENTENCES, settings(beam, 1, 0.2, 1), false);
      for (int i = 0; i < SENTENCES.size(); i++) {
        int sourceTokens = translator.encodeSource(SENTENCES.get(i)).length - 2;
        int limit = (int) Math.ceil(0.2 * sourceTokens) + 1;
        assertThat(out.get(i).nbest().get(0).ids().length).as("beam %d, %s", beam, SENTENCES.get(i))
            .isLessThanOrEqualTo(limit);
      }
    }
  }

  @Test
  void blankLinesNeedNoModel() {
    List<Translator.Translation> out = translator.translate(new ArrayList<>(List.of("", " ", "Kinder singen.")), settings(1, 1, 2, 10), false);
    assertThat(out.get(0).text()).isEmpty();
    assertThat(out.get(1).text()).isEmpty();
    assertThat(out.get(2).text()).isNotEmpty();
  }
}
