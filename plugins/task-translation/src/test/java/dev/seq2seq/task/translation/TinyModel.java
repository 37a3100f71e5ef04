package dev.seq2seq.task.translation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small rnn translation model trained once per test JVM on {@link Cli#PAIRS} through the real
 * command line: briefly, so that it translates the training sentences and produces varied,
 * imperfect output for new ones (what batch-size and resume tests need).
 */
public final class TinyModel {
  private static Path model;

  private TinyModel() {}

  public static synchronized Path get() {
    if (model == null) {
      try {
        Path dir = Files.createTempDirectory("tiny-translation");
        Path run = dir.resolve("run");
        Cli.Outcome trained = Cli.run(Cli.trainTiny("multi30k-de-en.yaml", Cli.tsv(dir), run, 40,
            "--set", "model.network.embedding=32", "--set", "model.network.encoder_hidden=32",
            "--set", "model.network.decoder_hidden=64", "--set", "model.network.attention_size=32",
            "--set", "model.network.dropout=0.0", "--set", "data.tokenizer.merges=100",
            "--set", "train.optimizer={type: adam, lr: 0.01}", "--set", "decode.batch_size=16"));
        if (trained.code() != 0) {
          throw new AssertionError("training the tiny model failed: " + trained.err());
        }
        model = run.resolve("model");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return model;
  }
}
