package dev.seq2seq.task.speech.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.recipe.config.Violation;
import dev.seq2seq.task.speech.TestWavs;
import dev.seq2seq.task.speech.audio.Audio;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connected digits from a small FSDD-shaped folder of tones (lengths tell the parts apart). */
class ConnectedDigitsTest {
  private static final int RATE = 8000;
  private static final Pattern PART = Pattern.compile("(\\d)_(\\w+)_(\\d+)\\.wav");
  @TempDir static Path folder;

  /** Every recording is a tone whose length encodes digit and take: 0.1 s + digit*10 ms + take ms. */
  static int samples(int digit, int take) {
    return (int) Math.round((0.1 + digit * 0.01 + take * 0.001) * RATE);
  }

  @BeforeAll
  static void recordings() throws Exception {
    for (String speaker : List.of("ann", "bob")) {
      for (int digit = 0; digit < 10; digit++) {
        for (int take = 0; take < 12; take++) {
          float[] x = new float[samples(digit, take)];
          float[] tone = TestWavs.tone(speaker.equals("ann") ? 300 : 500, 1, RATE);
          System.arraycopy(tone, 0, x, 0, x.length);
          TestWavs.write(folder.resolve(digit + "_" + speaker + "_" + take + ".wav"), x, RATE);
        }
      }
    }
  }

  private static ConnectedCorpusConfig config(int train, int test) {
    return new ConnectedCorpusConfig(folder.toString(), train, 20, test, 2, 7, 30, 250, 3);
  }

  record Part(int digit, String speaker, int take) {}

  static List<Part> parts(Utterance u) {
    List<Part> out = new ArrayList<>();
    Matcher m = PART.matcher(u.id());
    while (m.find()) {
      out.add(new Part(Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3))));
    }
    return out;
  }

  @Test
  void sequencesAreTwoToSevenDigitsOfOneSpeakerFromTheirOwnSplit() throws Exception {
    Corpus c = config(200, 100).load(() -> null, 5);
    assertThat(c.train()).hasSize(200);
    assertThat(c.validation()).hasSize(20);
    assertThat(c.test()).hasSize(100);
    int[] lengthsSeen = new int[8];
    for (List<Utterance> split : List.of(c.train(), c.validation(), c.test())) {
      for (Utterance u : split) {
        List<Part> parts = parts(u);
        assertThat(parts.size()).as(u.id()).isBetween(2, 7);
        lengthsSeen[parts.size()]++;
        assertThat(parts.stream().map(Part::speaker).distinct()).as(u.id()).hasSize(1);
        assertThat(u.text()).isEqualTo(String.join(" ",
            parts.stream().map(p -> FsddRecording.WORDS.get(p.digit())).toList()));
        for (Part p : parts) {
          if (split == c.test()) {
            assertThat(p.take()).as(u.id()).isLessThan(5);
          } else if (split == c.validation()) {
            assertThat(p.take()).as(u.id()).isBetween(5, 7);
          } else {
            assertThat(p.take()).as(u.id()).isGreaterThanOrEqualTo(8);
          }
        }
      }
    }
    for (int n = 2; n <= 7; n++) {
      assertThat(lengthsSeen[n]).as("sequences of %d digits", n).isPositive();
    }
  }

  @Test
  void audioIsThePartsWithShortSilencesBetween() throws Exception {
    Utterance u = config(5, 5).load(() -> null, 5).test().get(0);
    List<Part> parts = parts(u);
    int speech = parts.stream().mapToInt(p -> samples(p.digit(), p.take())).sum();
    Audio a = u.audio().load(RATE);
    int gaps = a.length() - speech;
    assertThat(gaps).isBetween((parts.size() + 1) * 30 * RATE / 1000 - parts.size() - 1,
        (parts.size() + 1) * 250 * RATE / 1000 + parts.size() + 1);
    // Gaps are near-silent, and the first part starts right after the first gap.
    int firstGap = 0;
    while (Math.abs(a.samples()[firstGap]) < 1e-3) {
      firstGap++;
    }
    assertThat(firstGap).isBetween(30 * RATE / 1000 - 2, 250 * RATE / 1000 + 2);
    assertThat(u.audio().load(16000).length()).isCloseTo(2 * a.length(), org.assertj.core.data.Offset.offset(8));
  }

  @Test
  void isDeterministicGivenTheSeed() throws Exception {
    Corpus a = config(30, 10).load(() -> null, 9);
    Corpus b = config(30, 10).load(() -> null, 9);
    Corpus other = config(30, 10).load(() -> null, 10);
    assertThat(a.train().stream().map(Utterance::id).toList())
        .isEqualTo(b.train().stream().map(Utterance::id).toList())
        .isNotEqualTo(other.train().stream().map(Utterance::id).toList());
    assertThat(a.test().get(3).audio().load(RATE).samples())
        .containsExactly(b.test().get(3).audio().load(RATE).samples());
    // The test split does not move when the training split grows.
    assertThat(config(60, 10).load(() -> null, 9).test().stream().map(Utterance::id).toList())
        .isEqualTo(a.test().stream().map(Utterance::id).toList());
  }

  @Test
  void reportsInconsistentSettings() {
    ConnectedCorpusConfig bad = new ConnectedCorpusConfig("", 1, 1, 1, 5, 3, 300, 100, 3);
    assertThat(bad.validate()).extracting(Violation::toString)
        .anySatisfy(s -> assertThat(s).contains("max_digits"))
        .anySatisfy(s -> assertThat(s).contains("max_gap_ms"));
  }
}
