package dev.seq2seq.command;

import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command (translating a file, transcribing a folder) on standard error. On a
 * terminal it is a redrawn bar; otherwise (redirected, in tests, under CI) one plain line every
 * ten seconds and one at the end, because the bar's {@code \r} frames would fill a log file.
 */
public final class Progress implements AutoCloseable {
  private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /**
   * Starts a progress report.
   *
   * @param task what is being done ("translate")
   * @param unit the counted thing ("lines", "files")
   * @param total how many there will be, or -1 when unknown (then no percentage is shown)
   * @param err where to report; {@code null} for no report at all ({@code --quiet})
   */
  public static Progress start(String task, String unit, long total, PrintWriter err) {
    if (err == null) {
      return new Progress(null);
    }
    ProgressBarBuilder builder =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setUnit(" " + unit, 1)
            .setInitialMax(total)
            .showSpeed()
            .continuousUpdate();
    if (System.console() != null) {
      builder.setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200);
    } else {
      builder
          .setConsumer(new DelegatingProgressBarConsumer(line -> {
            err.println(line.strip());
            err.flush();
          }))
          .setUpdateIntervalMillis((int) LOG_INTERVAL.toMillis());
    }
    return new Progress(builder.build());
  }

  /** Counts {@code n} more units done. */
  public void stepBy(long n) {
    if (bar != null) {
      bar.stepBy(n);
    }
  }

  /** Sets the count directly, e.g. to the number of lines a resumed run had already done. */
  public void stepTo(long n) {
    if (bar != null) {
      bar.stepTo(n);
    }
  }

  /** A short note shown after the bar (a running score, the current file). */
  public void note(String message) {
    if (bar != null) {
      bar.setExtraMessage(message);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
