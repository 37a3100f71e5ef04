package dev.seq2seq.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nativebackend.NativeBackendProvider;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Init;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.optim.Adam;
import dev.seq2seq.optim.Optimizer;
import dev.seq2seq.recipe.EarlyStoppingConfig;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.recipe.TrainConfig;
import dev.seq2seq.recipe.optim.AdamConfig;
import dev.seq2seq.recipe.optim.ConstantSchedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's rules on a one-weight task whose batches and validations are scripted. */
class TrainerTest {
  @TempDir Path dir;
  private final Backend backend = new NativeBackendProvider().create(new BackendOptions(BackendOptions.Device.CPU, 1));

  @AfterEach
  void close() {
    backend.close();
  }

  /** Fits w to 3 with loss (w - 3)^2; batch {@code nanAt} has a NaN loss; validation scripted. */
  static final class ScriptedTask implements TaskSession<ScriptedTask.Step> {
    record Step(DataPosition position) implements TaskSession.Batch {
      @Override
      public long tokens() {
        return 1;
      }
    }

    final ParameterStore store;
    final DataPosition nanAt;
    final List<Double> validations;
    int validated;
    int losses;

    ScriptedTask(Backend backend, DataPosition nanAt, List<Double> validations) {
      this.store = new ParameterStore(backend, 1);
      store.create("w", Init.zeros(), 1);
      this.nanAt = nanAt;
      this.validations = validations;
    }

    Tensor w() {
      return store.parameters().get("w").value();
    }

    @Override
    public ParameterStore parameters() {
      return store;
    }

    @Override
    public long batchesPerEpoch() {
      return 4;
    }

    @Override
    public Step batch(DataPosition position) {
      return new Step(position);
    }

    @Override
    public Tensor loss(Step batch, ForwardMode mode) {
      losses++;
      Tensor loss = w().add(-3).square().sum();
      return batch.position().equals(nanAt) ? loss.mul(Double.NaN) : loss;
    }

    @Override
    public Map<String, Double> metrics(Split split) {
      double v = validations.get(Math.min(validated++, validations.size() - 1));
      return Map.of("loss", v);
    }

    @Override
    public void writeExtras(Path modelDir) throws IOException {
      Files.writeString(modelDir.resolve("extra.txt"), "x");
    }
  }

  static Recipe recipe(Integer epochs, Long maxSteps, int validateEvery, int patience, int keepBest) {
    TrainConfig train = new TrainConfig(epochs, maxSteps, 1, TrainConfig.BatchBy.SENTENCES, false,
        new AdamConfig(0.1, 0.9, 0.999, 1e-8, 0), new ConstantSchedule(0), 0.0, validateEvery,
        new EarlyStoppingConfig("loss", EarlyStoppingConfig.Mode.MIN, patience, 0.0), keepBest, 1, 0);
    return new Recipe("scripted", null, null, 5, null, null, train, null, null);
  }

  TrainResult train(Recipe recipe, ScriptedTask task, StringWriter console) throws IOException {
    return new Trainer(recipe, "name: scripted\n", task,
        new Trainer.Options(dir, false, new PrintWriter(console), false), PlotsHook.NONE).run();
  }

  @Test
  void aNonFiniteLossSkipsTheBatchAndTrainingGoesOn() throws IOException {
    ScriptedTask task = new ScriptedTask(backend, new DataPosition(0, 2), List.of(1.0));
    StringWriter console = new StringWriter();
    TrainResult result = train(recipe(2, null, 0, 0, 1), task, console);

    assertThat(result.skipped()).isEqualTo(1);
    assertThat(result.steps()).isEqualTo(7); // 2 epochs of 4 batches, one skipped
    assertThat(result.stopped()).isEqualTo("epochs");
    assertThat(task.w().item()).isFinite().isGreaterThan(0.3);
    assertThat(console.toString()).contains("skipped batch 2 of epoch 0: non-finite loss NaN");
    assertThat(Files.readString(dir.resolve("metrics.jsonl"))).contains("\"kind\":\"skip\"");
  }

  @Test
  void earlyStoppingStopsAfterPatienceValidationsWithoutImprovement() throws IOException {
    ScriptedTask task = new ScriptedTask(backend, null, List.of(5.0, 4.0, 3.0, 3.5, 3.0, 3.9, 1.0));
    TrainResult result = train(recipe(null, 100L, 2, 3, 1), task, new StringWriter());

    // Best 3.0 at the third validation (step 6); 3.5, 3.0 (not better), 3.9 exhaust patience 3.
    assertThat(result.stopped()).isEqualTo("early_stopping");
    assertThat(result.steps()).isEqualTo(12);
    assertThat(result.best()).isEqualTo(3.0);
    assertThat(result.bestStep()).isEqualTo(6);
  }

  @Test
  void keepsTheBestKCheckpointsAndTheLatest() throws IOException {
    ScriptedTask task = new ScriptedTask(backend, null, List.of(5.0, 2.0, 4.0, 1.0, 3.0, 6.0));
    train(recipe(null, 12L, 2, 0, 2), task, new StringWriter());

    // Validations at steps 2..12 score 5, 2, 4, 1, 3, 6: the best two are steps 8 and 4; step 12
    // is kept to resume from.
    try (Stream<Path> kept = Files.list(dir.resolve("checkpoints"))) {
      assertThat(kept.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("step-000000004", "step-000000008", "step-000000012");
    }
    // The model package takes the best checkpoint's weights.
    assertThat(dir.resolve("model/weights.safetensors"))
        .hasSameBinaryContentAs(dir.resolve("checkpoints/step-000000008/weights.safetensors"));
    assertThat(dir.resolve("model/extra.txt")).exists();
    assertThat(dir.resolve("model/recipe.yaml")).exists();
  }

  @Test
  void aCrashWhileSavingLeavesThePreviousCheckpointIntact() throws IOException {
    ScriptedTask task = new ScriptedTask(backend, null, List.of(1.0));
    List<dev.seq2seq.nn.Parameter> params = List.copyOf(task.store.parameters().values());
    Optimizer optimizer = new Adam(params, 0.1);
    Path root = dir.resolve("checkpoints");
    TrainState first = new TrainState(5, 1, new DataPosition(0, 1), 0, 0, 0, List.of(), null, 0, 0, null, Map.of());
    task.w().assign(backend.of(new float[] {1.5f}, 1));
    new Checkpoints(root).save(first, task.store, optimizer);

    task.w().assign(backend.of(new float[] {2.5f}, 1));
    TrainState second = new TrainState(5, 2, new DataPosition(0, 2), 0, 0, 0, List.of(), null, 0, 0, null, Map.of());
    Checkpoints crashing = new Checkpoints(root, file -> {
      if (file.getFileName().toString().equals(Checkpoints.OPTIMIZER)) {
        throw new IOException("simulated crash after " + file.getFileName());
      }
    });
    assertThatThrownBy(() -> crashing.save(second, task.store, optimizer))
        .hasMessageContaining("simulated crash");

    List<Checkpoints.Entry> entries = new Checkpoints(root).list();
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).state()).isEqualTo(first);
    ScriptedTask fresh = new ScriptedTask(backend, null, List.of(1.0));
    Optimizer freshOptimizer = new Adam(List.copyOf(fresh.store.parameters().values()), 0.1);
    assertThat(Checkpoints.load(entries.get(0).dir(), fresh.store, freshOptimizer)).isEqualTo(first);
    assertThat(fresh.w().item()).isEqualTo(1.5);

    // The next save clears the half-written folder.
    new Checkpoints(root).save(second, task.store, optimizer);
    try (Stream<Path> left = Files.list(root)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("step-000000001", "step-000000002");
    }
  }

  /** Counts its training batches and carries the count across batches, as an LM carries its state. */
  static final class CarryingTask implements TaskSession<ScriptedTask.Step> {
    final ScriptedTask inner;
    long carried;
    final List<Long> seen = new ArrayList<>();

    CarryingTask(Backend backend) {
      this.inner = new ScriptedTask(backend, null, List.of(1.0));
    }

    @Override
    public ParameterStore parameters() {
      return inner.parameters();
    }

    @Override
    public long batchesPerEpoch() {
      return inner.batchesPerEpoch();
    }

    @Override
    public ScriptedTask.Step batch(DataPosition position) {
      return inner.batch(position);
    }

    @Override
    public Tensor loss(ScriptedTask.Step batch, ForwardMode mode) {
      seen.add(carried);
      carried++;
      return inner.loss(batch, mode);
    }

    @Override
    public Map<String, Double> metrics(Split split) {
      return inner.metrics(split);
    }

    @Override
    public void writeExtras(Path modelDir) throws IOException {
      inner.writeExtras(modelDir);
    }

    @Override
    public Map<String, dev.seq2seq.weights.HostTensor> carriedState() {
      return Map.of("count", dev.seq2seq.weights.HostTensor.ofLongs(new long[] {carried}, 1));
    }

    @Override
    public void restoreCarriedState(Map<String, dev.seq2seq.weights.HostTensor> state) {
      carried = state.get("count").toLongArray()[0];
    }
  }

  @Test
  void stateCarriedBetweenBatchesIsCheckpointedAndRestoredOnResume() throws IOException {
    CarryingTask first = new CarryingTask(backend);
    new Trainer(recipe(null, 5L, 0, 0, 1), "name: scripted\n", first,
        new Trainer.Options(dir, false, new PrintWriter(new StringWriter()), false),
        PlotsHook.NONE).run();
    assertThat(first.seen).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(dir.resolve("checkpoints/step-000000005/" + Checkpoints.CARRIED)).exists();

    CarryingTask resumed = new CarryingTask(backend);
    new Trainer(recipe(null, 7L, 0, 0, 1), "name: scripted\n", resumed,
        new Trainer.Options(dir, true, new PrintWriter(new StringWriter()), false),
        PlotsHook.NONE).run();
    assertThat(resumed.seen).containsExactly(5L, 6L);
  }

  @Test
  void aTaskThatCarriesNothingWritesNoCarriedFile() throws IOException {
    train(recipe(null, 3L, 0, 0, 1), new ScriptedTask(backend, null, List.of(1.0)), new StringWriter());
    assertThat(dir.resolve("checkpoints/step-000000003/" + Checkpoints.CARRIED)).doesNotExist();
  }

  @Test
  void aStopRequestSavesTheModelAndAResumeFinishesLikeAnUninterruptedRun() throws IOException {
    // Uninterrupted: 3 epochs of 4 batches, validation every 2 steps.
    Path whole = dir.resolve("whole");
    ScriptedTask reference = new ScriptedTask(backend, null, List.of(3.0, 2.0, 1.0));
    new Trainer(recipe(3, null, 2, 0, 1), "name: scripted\n", reference,
        new Trainer.Options(whole, false, new PrintWriter(new StringWriter()), false),
        PlotsHook.NONE).run();

    // Stopped once 5 steps have run: no final validation, checkpoint and model written.
    Path cut = dir.resolve("cut");
    ScriptedTask first = new ScriptedTask(backend, null, List.of(3.0, 2.0, 1.0));
    StringWriter console = new StringWriter();
    TrainResult stopped = new Trainer(recipe(3, null, 2, 0, 1), "name: scripted\n", first,
        new Trainer.Options(cut, false, new PrintWriter(console), false, () -> first.losses == 5),
        PlotsHook.NONE).run();

    assertThat(stopped.stopped()).isEqualTo(Trainer.INTERRUPTED);
    assertThat(stopped.steps()).isEqualTo(5);
    assertThat(first.validated).isEqualTo(2); // steps 2 and 4 only
    assertThat(cut.resolve("checkpoints/step-000000005")).isDirectory();
    assertThat(cut.resolve("model/weights.safetensors")).exists();
    assertThat(console.toString()).contains("interrupted at step 5");

    ScriptedTask resumed = new ScriptedTask(backend, null, List.of(1.0));
    TrainResult rest = new Trainer(recipe(3, null, 2, 0, 1), "name: scripted\n", resumed,
        new Trainer.Options(cut, true, new PrintWriter(new StringWriter()), false),
        PlotsHook.NONE).run();
    assertThat(rest.steps()).isEqualTo(12);
    assertThat(resumed.w().toFloatArray()).containsExactly(reference.w().toFloatArray());
  }

  @Test
  void aResumeThatTrainsNoStepReportsNullRatherThanNaN() throws IOException {
    train(recipe(null, 3L, 0, 0, 1), new ScriptedTask(backend, null, List.of(1.0)), new StringWriter());
    TrainResult again = new Trainer(recipe(null, 3L, 0, 0, 1), "name: scripted\n",
        new ScriptedTask(backend, null, List.of(1.0)),
        new Trainer.Options(dir, true, new PrintWriter(new StringWriter()), false),
        PlotsHook.NONE).run();
    assertThat(again.steps()).isEqualTo(3);
    assertThat(again.summary()).containsEntry("train_loss", null).containsKey("best_loss");
  }
}
