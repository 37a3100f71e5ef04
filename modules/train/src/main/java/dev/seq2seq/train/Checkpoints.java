package dev.seq2seq.train;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.optim.Optimizer;
import dev.seq2seq.recipe.EarlyStoppingConfig;
import dev.seq2seq.weights.HostTensor;
import dev.seq2seq.weights.Safetensors;
import dev.seq2seq.weights.Weights;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checkpoints of one run, each a folder {@code step-000000123} holding {@code
 * weights.safetensors}, {@code optimizer.safetensors}, {@code state.json} and, for a task that
 * carries state between batches ({@link TaskSession#carriedState}), {@code carried.safetensors}.
 *
 * <p>A checkpoint is written into a hidden temporary folder beside the others, every file and
 * the folder are forced to disk, and only then is the folder renamed into place in one atomic
 * step. A crash at any point leaves either the complete new checkpoint or none, and never touches
 * the previous ones; leftover temporary folders are ignored and removed by the next save.
 */
public final class Checkpoints {
  static final String WEIGHTS = "weights.safetensors";
  static final String OPTIMIZER = "optimizer.safetensors";
  static final String STATE = "state.json";
  static final String CARRIED = "carried.safetensors";
  private static final String PREFIX = "step-";
  private static final String TEMP_PREFIX = ".tmp-";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Called after each file of a checkpoint is written; tests throw from it to simulate a crash. */
  @FunctionalInterface
  interface FileHook {
    void written(Path file) throws IOException;
  }

  /** A saved checkpoint. */
  public record Entry(Path dir, TrainState state) {}

  private final Path root;
  private final FileHook hook;

  public Checkpoints(Path root) {
    this(root, file -> {});
  }

  Checkpoints(Path root, FileHook hook) {
    this.root = root;
    this.hook = hook;
  }

  public Path root() {
    return root;
  }

  /** Saves a checkpoint for {@code state.step()} and returns its folder. */
  public Path save(TrainState state, ParameterStore store, Optimizer optimizer) throws IOException {
    return save(state, store, optimizer, Map.of());
  }

  /** Saves a checkpoint that also holds the task's carried state (when not empty). */
  public Path save(TrainState state, ParameterStore store, Optimizer optimizer,
      Map<String, HostTensor> carried) throws IOException {
    Files.createDirectories(root);
    deleteTemporaries();
    String name = String.format("%s%09d", PREFIX, state.step());
    Path target = root.resolve(name);
    // A second save at the same step (an epoch end right after a scheduled checkpoint) moves the
    // data position on; it gets its own folder, sorting after the first, and never replaces it.
    for (int n = 1; Files.exists(target); n++) {
      target = root.resolve(name + "." + n);
    }
    Path temp = Files.createTempDirectory(root, TEMP_PREFIX);
    Path weights = temp.resolve(WEIGHTS);
    Weights.save(weights, store, Map.of("step", Long.toString(state.step())));
    synced(weights);
    Map<String, HostTensor> moments = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : optimizer.state().entrySet()) {
      moments.put(e.getKey(), Weights.toHost(e.getValue()));
    }
    Path optimizerFile = temp.resolve(OPTIMIZER);
    Safetensors.write(optimizerFile, moments, Map.of());
    synced(optimizerFile);
    if (!carried.isEmpty()) {
      Path carriedFile = temp.resolve(CARRIED);
      Safetensors.write(carriedFile, carried, Map.of());
      synced(carriedFile);
    }
    Path stateFile = temp.resolve(STATE);
    Files.writeString(stateFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
    synced(stateFile);
    fsync(temp, true);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename checkpoints atomically in " + root, e);
    }
    fsync(root, true);
    return target;
  }

  /** Every complete checkpoint, oldest first. */
  public List<Entry> list() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX)).sorted().toList()) {
        out.add(new Entry(dir, readState(dir)));
      }
    }
    return out;
  }

  public static TrainState readState(Path dir) throws IOException {
    return JSON.readValue(Files.readString(dir.resolve(STATE)), TrainState.class);
  }

  /** Loads a checkpoint's weights and optimiser state; returns its training state. */
  public static TrainState load(Path dir, ParameterStore store, Optimizer optimizer)
      throws IOException {
    TrainState state = readState(dir);
    Weights.load(dir.resolve(WEIGHTS), store);
    Map<String, Tensor> moments = new LinkedHashMap<>();
    for (Map.Entry<String, HostTensor> e : Safetensors.read(dir.resolve(OPTIMIZER)).tensors().entrySet()) {
      HostTensor t = e.getValue();
      moments.put(e.getKey(), Weights.toBackend(t, store.backend(), dev.seq2seq.backend.DType.FLOAT32));
    }
    optimizer.loadState(moments);
    return state;
  }

  /** The carried state saved with a checkpoint; empty when it has none. */
  public static Map<String, HostTensor> loadCarried(Path dir) throws IOException {
    Path file = dir.resolve(CARRIED);
    return Files.isRegularFile(file) ? Safetensors.read(file).tensors() : Map.of();
  }

  /**
   * Deletes every checkpoint but the latest (needed to resume) and the {@code keepBest} with the
   * best scores; checkpoints without a score only survive as the latest.
   *
   * @return the checkpoints kept, best first, the latest last when it is not among the best
   */
  public List<Entry> prune(int keepBest, EarlyStoppingConfig.Mode mode) throws IOException {
    List<Entry> all = list();
    if (all.isEmpty()) {
      return all;
    }
    Entry latest = all.get(all.size() - 1);
    Comparator<Entry> byScore = Comparator.comparingDouble(e -> e.state().score());
    if (mode == EarlyStoppingConfig.Mode.MAX) {
      byScore = byScore.reversed();
    }
    // Ties go to the earlier checkpoint, as "best" never moves on an equal value.
    List<Entry> best =
        all.stream()
            .filter(e -> e.state().score() != null && !e.state().score().isNaN())
            .sorted(byScore.thenComparing(e -> e.state().step()))
            .limit(keepBest)
            .toList();
    List<Entry> kept = new ArrayList<>(best);
    if (!kept.contains(latest)) {
      kept.add(latest);
    }
    for (Entry e : all) {
      if (!kept.contains(e)) {
        deleteTree(e.dir());
      }
    }
    return kept;
  }

  private void synced(Path file) throws IOException {
    fsync(file, false);
    hook.written(file);
  }

  private void deleteTemporaries() throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(TEMP_PREFIX)).toList()) {
        deleteTree(dir);
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Forces a file, or a directory's entries, to disk (directories where the OS allows it). */
  static void fsync(Path path, boolean directory) throws IOException {
    try (FileChannel channel =
        FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      channel.force(true);
    } catch (IOException e) {
      if (!directory) {
        throw e;
      }
      // Some systems (Windows) cannot open a directory; the rename is still atomic there.
    }
  }
}
