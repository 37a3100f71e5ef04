package dev.seq2seq.djl.bench;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.djl.DjlBackendProvider;
import dev.seq2seq.loss.Ctc;
import dev.seq2seq.nativebackend.NativeBackendProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Side-by-side timings of both backends in one process, through the SPI only (so the native
 * numbers include the tape, unlike {@code seq2seq bench rnn}): fused LSTM/GRU layer forward +
 * backward (batch 64, input 256, hidden 256, 30 steps), and CTC loss + backward at the asr-small
 * shapes (batch 32, 60 frames, 29 classes, 3-5 labels) next to a 2x256 bidirectional LSTM
 * forward + backward of the same batch. A main, not a test: timings never gate the build.
 * Arguments: threads (default 2), repeats (default 5).
 */
public final class DjlBenchmarks {
  private DjlBenchmarks() {}

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    BackendOptions options = new BackendOptions(BackendOptions.Device.CPU, threads);
    for (BackendProvider provider : List.of(new NativeBackendProvider(), new DjlBackendProvider())) {
      try (Backend b = provider.create(options)) {
        for (boolean bi : new boolean[] {false, true}) {
          for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU}) {
            RecurrentSpec spec = new RecurrentSpec(cell, 256, 256, 1, bi);
            report(b, cell.shortName() + (bi ? " bi" : " uni") + " 64x30x256 fwd+bwd",
                time(b, repeats, () -> recurrent(b, spec, 64, 30, null)));
          }
        }
        // asr-small: 32 utterances of up to 60 stacked frames (80 features), 29 classes.
        int[] frames = new int[32];
        SplittableRandom rng = new SplittableRandom(1);
        int[][] targets = new int[32][];
        for (int i = 0; i < 32; i++) {
          frames[i] = 50 + rng.nextInt(11);
          targets[i] = rng.ints(3 + rng.nextInt(3), 1, 29).toArray();
        }
        RecurrentSpec asr = new RecurrentSpec(CellType.LSTM, 80, 256, 2, true);
        report(b, "asr-small lstm 2x256 bi fwd+bwd",
            time(b, repeats, () -> recurrent(b, asr, 32, 60, frames)));
        report(b, "asr-small ctc loss+bwd (host kernel)",
            time(b, repeats, () -> ctc(b, frames, targets)));
      }
    }
  }

  private static Runnable recurrent(Backend b, RecurrentSpec spec, int batch, int time,
      int[] lengths) {
    Tensor x = random(b, 1, batch, time, spec.inputSize());
    List<Tensor> w = new ArrayList<>();
    for (int i = 0; i < spec.weightNames().size(); i++) {
      w.add(random(b, 0.0625f, spec.weightShape(i)).requireGrad());
    }
    Tensor up = random(b, 1, batch, time, spec.outputSize());
    return () -> {
      try (GradientTape tape = b.gradientTape()) {
        tape.backward(b.recurrent(spec, x, lengths, null, w).output(), up);
      }
    };
  }

  private static Runnable ctc(Backend b, int[] frames, int[][] targets) {
    Tensor logits = random(b, 1, 32, 60, 29).requireGrad();
    return () -> {
      try (GradientTape tape = b.gradientTape()) {
        tape.backward(new Ctc(0, false).loss(logits, frames, targets).mean());
      }
    };
  }

  /** Best and median milliseconds per call, after two warm-up calls; each run in a scope. */
  private static double[] time(Backend b, int repeats, Supplier<Runnable> setup) {
    try (TensorScope outer = b.scope()) {
      Runnable r = setup.get();
      double[] ms = new double[repeats];
      for (int i = -2; i < repeats; i++) {
        long t0 = System.nanoTime();
        try (TensorScope s = b.scope()) {
          r.run();
        }
        if (i >= 0) {
          ms[i] = (System.nanoTime() - t0) / 1e6;
        }
      }
      Arrays.sort(ms);
      return new double[] {ms[0], ms[repeats / 2]};
    }
  }

  private static void report(Backend b, String what, double[] ms) {
    System.out.printf(Locale.ROOT, "%-7s %-40s best %8.2f ms  median %8.2f ms%n",
        b.name(), what, ms[0], ms[1]);
  }

  private static Tensor random(Backend b, float scale, int... shape) {
    int n = Arrays.stream(shape).reduce(1, (p, q) -> p * q);
    float[] v = new float[n];
    SplittableRandom rng = new SplittableRandom(n);
    for (int i = 0; i < n; i++) {
      v[i] = (float) (rng.nextDouble() * 2 - 1) * scale;
    }
    return b.of(v, shape);
  }
}
