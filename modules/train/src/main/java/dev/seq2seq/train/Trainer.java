package dev.seq2seq.train;

import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Parameter;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.optim.GradientClipping;
import dev.seq2seq.optim.LearningRateSchedule;
import dev.seq2seq.optim.Optimizer;
import dev.seq2seq.recipe.EarlyStoppingConfig;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.recipe.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * The training loop over a {@link TaskSession}: optimiser, schedule with warm-up, gradient
 * clipping, validation, early stopping, checkpoints (keep-best-K), and the run folder.
 *
 * <p>Everything a step does is a function of the checkpointed state (weights, optimiser moments,
 * {@link TrainState}) and the recipe, so a resumed run repeats an uninterrupted one bit for bit
 * on a deterministic backend.
 */
public final class Trainer {

  /**
   * @param out the run folder
   * @param resume continue from the latest checkpoint in {@code out}
   * @param console where progress goes (stderr)
   * @param interactive redraw one progress line (a terminal) instead of logging lines
   * @param stopRequested polled between steps: once true, the run saves a checkpoint and the
   *     model and ends as {@value #INTERRUPTED} (the command line sets it on SIGINT/SIGTERM)
   */
  public record Options(Path out, boolean resume, PrintWriter console, boolean interactive,
      BooleanSupplier stopRequested) {

    public Options(Path out, boolean resume, PrintWriter console, boolean interactive) {
      this(out, resume, console, interactive, () -> false);
    }
  }

  /** {@link TrainResult#stopped()} of a run ended by {@link Options#stopRequested()}. */
  public static final String INTERRUPTED = "interrupted";

  private final Recipe recipe;
  private final String recipeYaml;
  private final TaskSession<?> session;
  private final Options options;
  private final PlotsHook plots;

  public Trainer(
      Recipe recipe, String recipeYaml, TaskSession<?> session, Options options, PlotsHook plots) {
    this.recipe = recipe;
    this.recipeYaml = recipeYaml;
    this.session = session;
    this.options = options;
    this.plots = plots;
  }

  public TrainResult run() throws IOException {
    return new Run<>(session).run();
  }

  /** One run's mutable loop state, typed by the task's batch. */
  private final class Run<B extends TaskSession.Batch> {
    private final TaskSession<B> session;
    private final TrainConfig train = recipe.train();
    private final EarlyStoppingConfig stopping = earlyStopping(recipe.train());
    private final ParameterStore store;
    private final List<Parameter> parameters;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final Checkpoints checkpoints;
    private TrainState state;
    private long lastValidated = -1;
    private TrainState lastSaved;

    Run(TaskSession<B> session) {
      this.session = session;
      this.store = session.parameters();
      this.parameters = List.copyOf(store.parameters().values());
      this.optimizer = Optimizers.create(train.optimizer(), parameters);
      this.schedule = Optimizers.schedule(train.schedule(), train.optimizer().lr(), stopping);
      this.checkpoints = new Checkpoints(options.out().resolve("checkpoints"));
      this.state = TrainState.initial(recipe.seed());
    }

    TrainResult run() throws IOException {
      Path out = options.out();
      Files.createDirectories(out);
      long resumedAt = options.resume() ? restore() : -1;
      Files.writeString(out.resolve("recipe.yaml"), recipeYaml);
      try (RunLog log = new RunLog(out, resumedAt, options.console(), options.interactive())) {
        if (resumedAt >= 0) {
          log.info("resumed at step " + state.step() + " (epoch " + state.position().epoch()
              + ", batch " + state.position().index() + ")");
        }
        log.info("training " + recipe.name() + ": " + store.count() + " parameters, "
            + session.batchesPerEpoch() + " batches per epoch, out " + out);
        String stopped = loop(log);
        boolean interrupted = stopped.equals(INTERRUPTED);
        if (interrupted) {
          log.info("interrupted at step " + state.step() + ": saving a checkpoint and the model"
              + " (continue with --resume)");
        }
        Map<String, Double> finalMetrics = state.validation();
        // An interrupted run skips the final validation: whoever stopped it wants it to end now,
        // and a resumed run validates on its own schedule anyway.
        if (!interrupted && (lastValidated != state.step() || finalMetrics.isEmpty())) {
          // Reported and used to rank the final checkpoint, but kept out of the early-stopping
          // history: a run stopped here and resumed must behave like one that never stopped.
          finalMetrics = session.metrics(TaskSession.Split.VALIDATION);
          log.metrics("validation", state.step(), finalMetrics);
          state = withScore(state, watched(finalMetrics));
        }
        save(log);
        log.info("stopped (" + stopped + ") after " + state.step() + " steps; "
            + state.skipped() + " batches skipped");
        List<Checkpoints.Entry> kept = checkpoints.prune(train.keepBest(), stopping.mode());
        writeModel(kept);
        plots.writePlots(out.resolve("metrics.jsonl"), out.resolve("plots"));
        double best = state.best() == null ? Double.NaN : state.best();
        long bestStep = state.bestStep();
        Double last = state.score();
        if (last != null && (Double.isNaN(best) || better(last, best))) {
          best = last;
          bestStep = state.step();
        }
        // A run shorter than one progress interval (or resumed into its last one) never logged a
        // mean: report the steps it did take rather than NaN.
        double trainLoss = Double.isNaN(lastTrainLoss) && state.lossCount() > 0
            ? state.lossSum() / state.lossCount()
            : lastTrainLoss;
        return new TrainResult(out, state.step(), state.skipped(), stopped, trainLoss,
            finalMetrics, stopping.metric(), best, bestStep);
      }
    }

    private double lastTrainLoss = Double.NaN;

    private String loop(RunLog log) throws IOException {
      long started = System.nanoTime();
      long startStep = state.step();
      long intervalStart = System.nanoTime();
      long intervalTokens = 0;
      while (true) {
        if (train.maxSteps() != null && state.step() >= train.maxSteps()) {
          return "max_steps";
        }
        if (options.stopRequested().getAsBoolean()) {
          return INTERRUPTED;
        }
        DataPosition position = state.position();
        if (position.index() >= session.batchesPerEpoch()) {
          // Only reached when the epoch's last batch was skipped.
          state = with(state, state.step(), position.nextEpoch(), state.skipped());
          boolean stop = false;
          if (train.validateEvery() == 0) {
            stop = validate(log);
          }
          if (train.checkpointEvery() == 0 || lastValidated == state.step()) {
            save(log);
          }
          if (stop) {
            return "early_stopping";
          }
          if (train.epochs() != null && state.position().epoch() >= train.epochs()) {
            return "epochs";
          }
          continue;
        }
        double lr = schedule.rate(state.step());
        optimizer.setLearningRate(lr);
        double loss;
        double norm = Double.NaN;
        long tokens;
        optimizer.zeroGrad();
        try (TensorScope scope = store.backend().scope()) {
          B batch = session.batch(position);
          tokens = batch.tokens();
          try (GradientTape tape = store.backend().gradientTape()) {
            Tensor lossTensor = session.loss(batch, ForwardMode.train(dropoutGenerator()));
            loss = lossTensor.item();
            if (Double.isFinite(loss)) {
              tape.backward(lossTensor);
            }
          }
          if (Double.isFinite(loss)) {
            // With clipping off the norm is still computed (an infinite limit never scales), so
            // that a non-finite gradient is caught before it reaches the weights.
            double limit = train.clipNorm() > 0 ? train.clipNorm() : Double.POSITIVE_INFINITY;
            norm = GradientClipping.clipByGlobalNorm(parameters, limit);
          }
          if (Double.isFinite(loss) && Double.isFinite(norm)) {
            optimizer.step();
          }
        }
        if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
          state = with(state, state.step(), position.next(), state.skipped() + 1);
          log.info("skipped batch " + position.index() + " of epoch " + position.epoch()
              + ": non-finite " + (Double.isFinite(loss) ? "gradient norm " + norm : "loss " + loss)
              + " (" + state.skipped() + " skipped so far)");
          log.metrics("skip", state.step(), Map.of("epoch", position.epoch(),
              "batch", position.index(), "skipped", state.skipped()));
          continue;
        }
        long step = state.step() + 1;
        // The epoch's last batch ends the epoch in the same step, so that its validation and
        // checkpoint happen once, with the position already in the next epoch.
        DataPosition next = position.next();
        boolean epochEnd = next.index() >= session.batchesPerEpoch();
        state = new TrainState(state.seed(), step, epochEnd ? next.nextEpoch() : next, state.skipped(),
            state.lossSum() + loss, state.lossCount() + 1, state.observed(), state.best(),
            state.bestStep(), state.badValidations(), null, state.validation());
        intervalTokens += tokens;
        if (step % train.logEvery() == 0) {
          double mean = state.lossSum() / state.lossCount();
          lastTrainLoss = mean;
          double seconds = (System.nanoTime() - intervalStart) / 1e9;
          double tokensPerSecond = intervalTokens / Math.max(seconds, 1e-9);
          Map<String, Object> values = new LinkedHashMap<>();
          values.put("epoch", position.epoch());
          values.put("loss", mean);
          values.put("lr", lr);
          values.put("grad_norm", norm);
          values.put("tokens_per_s", tokensPerSecond);
          log.metrics("train", step, values);
          log.progress(progressLine(step, mean, lr, tokensPerSecond, started, startStep));
          state = new TrainState(state.seed(), step, state.position(), state.skipped(), 0, 0,
              state.observed(), state.best(), state.bestStep(), state.badValidations(), null,
              state.validation());
          intervalStart = System.nanoTime();
          intervalTokens = 0;
        }
        boolean stop = false;
        if (train.validateEvery() > 0 ? step % train.validateEvery() == 0 : epochEnd) {
          stop = validate(log);
        }
        if ((train.checkpointEvery() > 0 ? step % train.checkpointEvery() == 0 : epochEnd)
            || lastValidated == step) {
          save(log);
        }
        if (stop) {
          return "early_stopping";
        }
        if (epochEnd && train.epochs() != null && state.position().epoch() >= train.epochs()) {
          return "epochs";
        }
      }
    }

    /** Validates, updates early stopping and the schedule; returns whether to stop. */
    private boolean validate(RunLog log) {
      Map<String, Double> metrics = session.metrics(TaskSession.Split.VALIDATION);
      double value = watched(metrics);
      log.metrics("validation", state.step(), metrics);
      log.info("validation at step " + state.step() + ": " + metrics);
      schedule.observe(value);
      List<Double> observed = new ArrayList<>(state.observed());
      observed.add(value);
      Double best = state.best();
      long bestStep = state.bestStep();
      int bad = state.badValidations();
      if (best == null || better(value, best)) {
        best = value;
        bestStep = state.step();
        bad = 0;
      } else {
        bad++;
      }
      state = new TrainState(state.seed(), state.step(), state.position(), state.skipped(),
          state.lossSum(), state.lossCount(), observed, best, bestStep, bad, value, metrics);
      lastValidated = state.step();
      boolean stop = stopping.patience() > 0 && bad >= stopping.patience();
      if (stop) {
        log.info("early stopping: " + stopping.metric() + " has not improved for " + bad
            + " validations (best " + best + " at step " + bestStep + ")");
      }
      return stop;
    }

    private boolean better(double value, double best) {
      return stopping.mode() == EarlyStoppingConfig.Mode.MIN
          ? value < best - stopping.minDelta()
          : value > best + stopping.minDelta();
    }

    private double watched(Map<String, Double> metrics) {
      Double value = metrics.get(stopping.metric());
      if (value == null) {
        throw new IllegalStateException("train.early_stopping.metric is '" + stopping.metric()
            + "', but the task reports only " + metrics.keySet());
      }
      return value;
    }

    private void save(RunLog log) throws IOException {
      if (lastSaved != null && lastSaved.step() == state.step()
          && lastSaved.position().equals(state.position())
          && java.util.Objects.equals(lastSaved.score(), state.score())) {
        return;
      }
      Path dir = checkpoints.save(state, store, optimizer, session.carriedState());
      lastSaved = state;
      log.info("checkpoint " + options.out().relativize(dir));
      checkpoints.prune(train.keepBest(), stopping.mode());
    }

    /** Loads the latest checkpoint; returns its step. */
    private long restore() throws IOException {
      List<Checkpoints.Entry> all = new ArrayList<>(checkpoints.list());
      if (all.isEmpty()) {
        throw new IllegalStateException("nothing to resume: no checkpoint in " + checkpoints.root());
      }
      all.sort(Comparator.comparingLong((Checkpoints.Entry e) -> e.state().step())
          .thenComparingLong(e -> e.state().position().epoch())
          .thenComparingLong(e -> e.state().position().index()));
      Checkpoints.Entry latest = all.get(all.size() - 1);
      if (latest.state().seed() != recipe.seed()) {
        throw new IllegalStateException("the run was started with seed " + latest.state().seed()
            + ", the recipe now says " + recipe.seed() + "; a resumed run must keep its seed");
      }
      state = Checkpoints.load(latest.dir(), store, optimizer);
      session.restoreCarriedState(Checkpoints.loadCarried(latest.dir()));
      for (double value : state.observed()) {
        schedule.observe(value);
      }
      lastSaved = state;
      lastValidated = state.score() != null ? state.step() : -1;
      return state.step();
    }

    /** The model package: best weights (or the last), the task's extras, the recipe. */
    private void writeModel(List<Checkpoints.Entry> kept) throws IOException {
      Path model = options.out().resolve("model");
      Path temp = options.out().resolve(".tmp-model");
      Checkpoints.deleteTree(temp);
      Files.createDirectories(temp);
      Checkpoints.Entry best = kept.stream().filter(e -> e.state().score() != null)
          .min((a, b) -> better(a.state().score(), b.state().score()) ? -1
              : better(b.state().score(), a.state().score()) ? 1 : 0)
          .orElse(kept.isEmpty() ? null : kept.get(kept.size() - 1));
      Files.copy(best.dir().resolve(Checkpoints.WEIGHTS), temp.resolve("weights.safetensors"));
      Files.writeString(temp.resolve("recipe.yaml"), recipeYaml);
      session.writeExtras(temp);
      Checkpoints.deleteTree(model);
      Files.move(temp, model);
    }

    private SplittableRandom dropoutGenerator() {
      return new SplittableRandom(state.seed() * 0x9E3779B97F4A7C15L + state.step());
    }

    private String progressLine(
        long step, double loss, double lr, double tokensPerSecond, long started, long startStep) {
      double perStep = (System.nanoTime() - started) / 1e9 / Math.max(1, step - startStep);
      long total = train.maxSteps() != null ? train.maxSteps()
          : train.epochs() * session.batchesPerEpoch();
      if (train.maxSteps() != null && train.epochs() != null) {
        total = Math.min(total, train.epochs() * session.batchesPerEpoch());
      }
      long eta = Math.round(Math.max(0, total - step) * perStep);
      return String.format("step %d/%d  loss %.4f  lr %.3g  %.0f tok/s  eta %d:%02d:%02d",
          step, total, loss, lr, tokensPerSecond, eta / 3600, eta / 60 % 60, eta % 60);
    }
  }

  private static TrainState with(TrainState s, long step, DataPosition position, long skipped) {
    return new TrainState(s.seed(), step, position, skipped, s.lossSum(), s.lossCount(),
        s.observed(), s.best(), s.bestStep(), s.badValidations(), s.score(), s.validation());
  }

  private static TrainState withScore(TrainState s, double score) {
    return new TrainState(s.seed(), s.step(), s.position(), s.skipped(), s.lossSum(),
        s.lossCount(), s.observed(), s.best(), s.bestStep(), s.badValidations(), score,
        s.validation());
  }

  private static EarlyStoppingConfig earlyStopping(TrainConfig train) {
    return train.earlyStopping() != null
        ? train.earlyStopping()
        : new EarlyStoppingConfig("loss", EarlyStoppingConfig.Mode.MIN, 0, 0.0);
  }
}
