package dev.seq2seq.task.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.task.speech.data.FsddRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Each speech recipe trains through the real command line on a handful of utterances and must
 * learn them: validation runs on the training utterances themselves (validation_takes: 0), so a
 * working pipeline reaches exact transcripts of all of them.
 */
class RecipeSmokeTest {
  @TempDir Path dir;

  private List<String> train(String recipe, Path out, String corpus, int steps) {
    List<String> args = new ArrayList<>(List.of("train", Cli.recipe(recipe).toString(),
        "--out", out.toString(), "--set", "data.corpus=" + corpus));
    args.addAll(Cli.tiny(steps));
    return args;
  }

  @ParameterizedTest
  @ValueSource(strings = {"fsdd-digits.yaml", "fsdd-digits-compact.yaml"})
  void fsddDigitsLearnsTenRecordingsAndTranscribesThem(String recipe) throws Exception {
    Path folder = Cli.fsddSubset(dir.resolve("cache"), dir.resolve("fsdd"), "jackson", 0, 5);
    Path run = dir.resolve("run");
    Cli.Outcome trained = Cli.run(train(recipe, run,
        "{type: fsdd, folder: " + folder + ", validation_takes: 0}", 200));
    assertThat(trained.code()).as(trained.err()).isZero();
    JsonNode summary = trained.lastJson();
    assertThat(summary.get("final_accuracy").asDouble()).as(trained.out()).isEqualTo(1.0);
    assertThat(summary.get("final_wer").asDouble()).isZero();
    assertThat(run.resolve("model/alphabet.json")).exists();
    boolean compact = recipe.contains("compact"); // MFCC with global CMVN saved beside the model
    assertThat(run.resolve("model/features.json")).content().contains("\"sample_rate\":8000")
        .contains("\"type\":\"" + (compact ? "mfcc" : "log_mel") + "\"");
    assertThat(Files.exists(run.resolve("model/cmvn.json"))).isEqualTo(compact);

    // The trained model, through seq2seq transcribe, writes each training recording's word.
    List<String> args = new ArrayList<>(List.of("transcribe", run.resolve("model").toString(),
        "--format", "jsonl", "--quiet", "--set", "backend.threads=1"));
    for (int d = 0; d < 10; d++) {
      args.add(folder.resolve(d + "_jackson_5.wav").toString());
    }
    Cli.Outcome transcribed = Cli.run(args);
    assertThat(transcribed.code()).as(transcribed.err()).isZero();
    List<JsonNode> lines = transcribed.jsonLines();
    assertThat(lines).hasSize(10);
    for (int d = 0; d < 10; d++) {
      assertThat(lines.get(d).get("text").asString()).isEqualTo(FsddRecording.WORDS.get(d));
    }

    Cli.Outcome evaluated = Cli.run(List.of("evaluate", run.resolve("model").toString(), "--json",
        "--set", "backend.threads=1"));
    assertThat(evaluated.code()).as(evaluated.err()).isZero();
    JsonNode scores = evaluated.lastJson();
    assertThat(scores.has("wer")).as(evaluated.out()).isTrue();
    assertThat(scores.get("accuracy").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void fsddConnectedLearnsSixSequences() throws Exception {
    Path folder = Cli.fsddSubset(dir.resolve("cache"), dir.resolve("fsdd"), "george", 0, 5);
    Path run = dir.resolve("run");
    Cli.Outcome trained = Cli.run(train("fsdd-connected.yaml", run,
        "{type: fsdd_connected, folder: " + folder + ", train_sequences: 6, validation_sequences: 6,"
            + " test_sequences: 2, min_digits: 2, max_digits: 3, validation_takes: 0}", 250));
    assertThat(trained.code()).as(trained.err()).isZero();
    JsonNode summary = trained.lastJson();
    assertThat(summary.get("final_wer").asDouble()).as(trained.out()).isZero();
    assertThat(summary.get("final_accuracy").asDouble()).isEqualTo(1.0);
  }
}
