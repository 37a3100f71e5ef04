package dev.seq2seq.djl.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.djl.DjlBackendProvider;
import dev.seq2seq.loss.CrossEntropy;
import dev.seq2seq.nn.EncoderOutput;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Linear;
import dev.seq2seq.nn.Parameter;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.nn.RecurrentEncoder;
import dev.seq2seq.optim.Adam;
import dev.seq2seq.optim.GradientClipping;
import dev.seq2seq.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Thousands of small training steps, each in its own {@link TensorScope} as the trainer runs
 * them, leave the process's resident memory flat: every native tensor a step makes (activations,
 * autograd buffers, gradient handles, clipping temporaries) is freed when its scope closes, while
 * parameters and the optimiser's state, made outside, stay. PyTorch memory is invisible to the
 * Java heap, so only the resident set shows a leak.
 */
@EnabledOnOs(OS.LINUX) // reads /proc/self/status
class DjlScopedMemoryTest {
  static final int MIN_WARMUP = 1000;
  static final int STEPS = 2000;
  /** Steps measured after warm-up; the run goes on past {@code STEPS} until it has them. */
  static final int MEASURED = 700;
  /** A run whose heap never collects by then says so instead of looping on. */
  static final int MAX_STEPS = 8000;
  static final long BOUND_KIB = 50 * 1024;

  @Test
  void residentMemoryStaysFlatOverThousandsOfScopedSteps() throws IOException {
    try (Backend backend =
        new DjlBackendProvider().create(new BackendOptions(BackendOptions.Device.CPU, 1))) {
      ParameterStore store = new ParameterStore(backend, 5);
      int vocabulary = 20;
      RecurrentEncoder encoder = new RecurrentEncoder(store.child("encoder"),
          new RecurrentEncoder.Config(vocabulary, 16, 0, CellType.LSTM, 16, 1, false, 0.0));
      Linear output = new Linear(store.child("output"), encoder.outputSize(), vocabulary);
      List<Parameter> parameters = List.copyOf(store.parameters().values());
      Optimizer optimizer = new Adam(parameters, 1e-3);
      CrossEntropy loss = new CrossEntropy(0, 0.1);
      SplittableRandom rng = new SplittableRandom(9);

      // The Java heap's young generation counts in the resident set too, and its pages are first
      // touched as it fills: warm-up lasts until one collection has run, so eden is resident.
      // The module's Surefire runs with a fixed, pre-touched heap, so the heap is resident from
      // the start and no collection needs to be awaited (one may never come in 2,000 steps).
      boolean preTouched = java.lang.management.ManagementFactory.getRuntimeMXBean()
          .getInputArguments().contains("-XX:+AlwaysPreTouch");
      long gcAtStart = Long.MAX_VALUE; // counted from step 100, after start-up's collections
      int warmedUp = 0;
      long atWarmup = 0;
      long peak = 0;
      long start = System.nanoTime();
      // When the first collection comes late (it depends on the heap size and on load), the run
      // is extended so that at least MEASURED steps are still measured after it.
      int end = STEPS;
      for (int step = 1; step <= end; step++) {
        int[] lengths = new int[8];
        int[] ids = new int[8 * 6];
        for (int b = 0; b < 8; b++) {
          lengths[b] = 2 + rng.nextInt(5); // padded batches take djl's step-by-step path
          for (int t = 0; t < lengths[b]; t++) {
            ids[b * 6 + t] = 1 + rng.nextInt(vocabulary - 1);
          }
        }
        optimizer.zeroGrad();
        try (TensorScope scope = backend.scope()) {
          Tensor x = backend.ofInts(ids, 8, 6);
          try (GradientTape tape = backend.gradientTape()) {
            EncoderOutput enc = encoder.encode(x, lengths, ForwardMode.eval());
            Tensor logits = output.forward(enc.states()).reshape(-1, vocabulary);
            tape.backward(loss.loss(logits, x.reshape(-1)));
          }
          GradientClipping.clipByGlobalNorm(parameters, 1.0);
          optimizer.step();
        }
        if (step == 100) {
          gcAtStart = collections();
        }
        if (warmedUp == 0 && step >= MIN_WARMUP && (preTouched || collections() > gcAtStart)) {
          warmedUp = step;
          atWarmup = residentKib();
          end = Math.min(MAX_STEPS, Math.max(STEPS, warmedUp + MEASURED));
        } else if (warmedUp > 0 && step % 100 == 0) {
          peak = Math.max(peak, residentKib());
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long growth = peak - atWarmup;
      System.out.printf("scoped steps: VmRSS %d MiB at step %d, peak %d MiB by step %d"
              + " (growth %d KiB), %.1f s%n",
          atWarmup >> 10, warmedUp, peak >> 10, end, growth, seconds);
      assertThat(warmedUp).as("warm-up step (a pre-touched heap, or the first collection after step 100)").isPositive();
      assertThat(end - warmedUp).as("steps measured after warm-up").isGreaterThanOrEqualTo(MEASURED);
      assertThat(growth).as("VmRSS growth in KiB after warm-up").isLessThan(BOUND_KIB);
    }
  }

  static long collections() {
    long n = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }

  static long residentKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
