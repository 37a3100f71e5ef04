package dev.seq2seq.task.speech;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.command.ModelLoader;
import dev.seq2seq.plugin.Plugins;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.recipe.RecipeLoader;
import dev.seq2seq.train.Task;
import dev.seq2seq.weights.Weights;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code seq2seq transcribe} on generated files (good ones at two rates, a corrupt, an empty and a
 * non-audio one, a long recording) with an untrained model: this checks the command's handling
 * of files, batches, chunks, errors and resuming, not what the model hears.
 */
class TranscribeCommandTest {
  private static final int RATE = 8000;
  @TempDir static Path dir;
  static Path model;
  static Path audio;

  @BeforeAll
  static void modelAndFiles() throws Exception {
    model = Files.createDirectories(dir.resolve("model"));
    Files.writeString(model.resolve(ModelLoader.RECIPE_FILE), String.join("\n",
        "task: {type: speech}",
        "backend: {threads: 1}",
        "data: {corpus: {type: fsdd}, sample_rate: 8000}",
        "model: {hidden: 16, layers: 1}",
        "decode: {beam_size: 1}",
        "train: {epochs: 1}", ""));
    Injector injector = Plugins.discover(TranscribeCommandTest.class.getClassLoader()).injector();
    RecipeLoader recipes = injector.getInstance(RecipeLoader.class);
    Recipe recipe = recipes.load(model.resolve(ModelLoader.RECIPE_FILE), List.of());
    ModelExtras.write(model, (SpeechDataConfig) recipe.data(),
        ((SpeechTaskConfig) recipe.task()).outputUnits(), null);
    Task task = injector.getInstance(Key.get(new TypeLiteral<Map<String, Task>>() {})).get("speech");
    BackendProvider nativeBackend =
        injector.getInstance(Key.get(new TypeLiteral<Map<String, BackendProvider>>() {})).get("native");
    try (Backend backend = nativeBackend.create(new BackendOptions(BackendOptions.Device.CPU, 1))) {
      Weights.save(model.resolve(ModelLoader.WEIGHTS_FILE),
          task.load(recipe, backend, model).parameters(), Map.of());
    }

    audio = Files.createDirectories(dir.resolve("audio"));
    TestWavs.write(audio.resolve("a.wav"), TestWavs.tone(400, 1.0, RATE), RATE);
    TestWavs.write(audio.resolve("sub/b.WAV"), TestWavs.tone(700, 0.5, 16000), 16000);
    TestWavs.write(audio.resolve("sub/long.wav"), TestWavs.tone(250, 65, RATE), RATE);
    byte[] good = Files.readAllBytes(audio.resolve("a.wav"));
    Files.write(audio.resolve("corrupt.wav"), java.util.Arrays.copyOf(good, 30));
    Files.write(audio.resolve("empty.wav"), new byte[0]);
    Files.writeString(audio.resolve("notes.wav"), "these are not samples\n");
    Files.writeString(audio.resolve("readme.txt"), "not audio, and not listed\n");
  }

  private static List<String> transcribe(String... more) {
    List<String> args = new ArrayList<>(List.of("transcribe", model.toString()));
    args.addAll(List.of(more));
    return args;
  }

  private static List<JsonNode> lines(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      out.add(Cli.JSON.readTree(line));
    }
    return out;
  }

  @Test
  void transcribesAFolderReportingBadFilesAndExitingThree() throws Exception {
    Path out = dir.resolve("out1.jsonl");
    Cli.Outcome run = Cli.run(transcribe(audio.toString(), "-o", out.toString(), "--format", "jsonl",
        "--batch-size", "2", "--chunk-seconds", "30"));
    assertThat(run.code()).as(run.err()).isEqualTo(3);
    List<JsonNode> lines = lines(out);
    assertThat(lines).extracting(n -> Path.of(n.get("path").asString()).getFileName().toString())
        .containsExactly("a.wav", "corrupt.wav", "empty.wav", "notes.wav", "b.WAV", "long.wav");
    JsonNode a = lines.get(0);
    assertThat(a.get("text").isString()).isTrue();
    assertThat(a.get("duration_s").asDouble()).isEqualTo(1.0);
    assertThat(a.get("chunks").asInt()).isEqualTo(1);
    assertThat(lines.get(4).get("duration_s").asDouble()).isEqualTo(0.5);
    assertThat(lines.get(5).get("duration_s").asDouble()).isEqualTo(65.0);
    assertThat(lines.get(5).get("chunks").asInt()).isEqualTo(3);
    assertThat(lines.get(1).get("error").asString()).contains("corrupt.wav");
    assertThat(lines.get(2).get("error").asString()).contains("empty.wav").contains("empty");
    assertThat(lines.get(3).get("error").asString()).contains("notes.wav").contains("RIFF");
    for (int i = 1; i <= 3; i++) {
      assertThat(lines.get(i).has("text")).isFalse();
      assertThat(run.err()).contains(lines.get(i).get("path").asString());
    }
  }

  @Test
  void resumeFinishesAnInterruptedOutputWithoutRepeatingFiles() throws Exception {
    Path full = dir.resolve("full.jsonl");
    Cli.run(transcribe(audio.toString(), "-o", full.toString(), "--format", "jsonl", "--quiet"));
    List<String> complete = Files.readAllLines(full);
    // An interrupted run: three finished lines and half of the fourth.
    Path partial = dir.resolve("partial.jsonl");
    Files.writeString(partial, String.join("\n", complete.subList(0, 3)) + "\n"
        + complete.get(3).substring(0, 10));
    Cli.Outcome resumed = Cli.run(transcribe(audio.toString(), "-o", partial.toString(),
        "--format", "jsonl", "--resume", "--quiet"));
    assertThat(resumed.code()).as(resumed.err()).isEqualTo(3);
    assertThat(Files.readAllLines(partial)).containsExactlyElementsOf(complete);
    // Resuming a finished output does nothing and reports success.
    Cli.Outcome again = Cli.run(transcribe(audio.toString(), "-o", partial.toString(),
        "--format", "jsonl", "--resume", "--quiet"));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(Files.readAllLines(partial)).containsExactlyElementsOf(complete);

    // Without --resume or --force a finished output is kept, not truncated.
    Cli.Outcome refused = Cli.run(transcribe(audio.toString(), "-o", partial.toString(), "--quiet"));
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains(partial.toString()).contains("--resume").contains("--force");
    assertThat(Files.readAllLines(partial)).containsExactlyElementsOf(complete);
    Cli.Outcome forced = Cli.run(transcribe(audio.resolve("a.wav").toString(), "-o",
        partial.toString(), "--format", "jsonl", "--force", "--quiet"));
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(Files.readAllLines(partial)).hasSize(1);
  }

  @Test
  void flacFilesAreTranscribedLikeWavAndLongOnesStreamed() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("flac"));
    for (double seconds : new double[] {1.0, 40.0}) {
      float[] tone = TestWavs.tone(300, seconds, RATE);
      int[] pcm = new int[tone.length];
      for (int i = 0; i < pcm.length; i++) {
        pcm[i] = Math.round(tone[i] * 32767);
      }
      Files.write(folder.resolve((int) seconds + "s.flac"),
          dev.seq2seq.task.speech.audio.FlacStreamTest.flac(new int[][] {pcm}, RATE, 16));
    }
    Cli.Outcome run = Cli.run(transcribe(folder.toString(), "--format", "jsonl", "--quiet"));
    assertThat(run.code()).as(run.err()).isZero();
    List<JsonNode> lines = run.jsonLines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("path").asString()).endsWith("1s.flac");
    assertThat(lines.get(0).has("text")).isTrue();
    assertThat(lines.get(0).get("duration_s").asDouble()).isEqualTo(1.0);
    assertThat(lines.get(1).get("duration_s").asDouble()).isEqualTo(40.0);
    assertThat(lines.get(1).get("chunks").asInt()).isEqualTo(2); // streamed in 30 s windows
  }

  @Test
  void textFormatWritesOneLinePerFileInOrder() {
    Cli.Outcome run = Cli.run(transcribe(audio.resolve("a.wav").toString(),
        audio.resolve("empty.wav").toString(), audio.resolve("sub/b.WAV").toString(), "--quiet"));
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out().split("\n", -1)).hasSize(4); // three lines and the final newline
    assertThat(run.out().split("\n", -1)[1]).isEmpty();
    assertThat(run.err()).contains("empty.wav");
  }

  @Test
  void badUsageExitsTwoWithAMessage() {
    Cli.Outcome noOutput = Cli.run(transcribe(audio.toString(), "--resume"));
    assertThat(noOutput.code()).isEqualTo(2);
    assertThat(noOutput.err()).contains("--resume");
    Cli.Outcome notAModel = Cli.run(List.of("transcribe", audio.toString(), audio.toString()));
    assertThat(notAModel.code()).isEqualTo(2);
    assertThat(notAModel.err()).contains("not a model folder");
    Cli.Outcome beam = Cli.run(transcribe(audio.toString(), "--beam", "0"));
    assertThat(beam.code()).isEqualTo(2);
    assertThat(beam.err()).contains("--beam");
  }
}
