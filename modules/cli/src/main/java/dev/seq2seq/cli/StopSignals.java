package dev.seq2seq.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM as a request to stop cleanly: the first one is only recorded, for
 * the command to finish its current step, save and exit with {@code 128 + signal} (130, 143); a
 * second one ends the process at once with that code.
 *
 * <p>Why signal handlers rather than a shutdown hook: a hook runs once the JVM is already going
 * down, so a second Ctrl-C could not cut a slow save short, and native libraries (libtorch) were
 * seen to crash when the JVM exited under a running training step. Here the run ends through the
 * ordinary return path: backend closed, summary printed, then exit.
 */
final class StopSignals implements AutoCloseable {
  private static final List<String> NAMES = List.of("INT", "TERM");

  private final String command;
  private final PrintWriter err;
  private final List<Signal> installed = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private volatile Signal received;

  /** Installs the handlers; {@link #close} puts the previous ones back. */
  StopSignals(String command, PrintWriter err) {
    this.command = command;
    this.err = err;
    for (String name : NAMES) {
      Signal signal = new Signal(name);
      try {
        previous.add(Signal.handle(signal, this::handle));
        installed.add(signal);
      } catch (IllegalArgumentException e) {
        // The JVM keeps this signal to itself (run with -Xrs) or the OS lacks it: default action.
      }
    }
  }

  private void handle(Signal signal) {
    if (received == null) {
      received = signal;
      err.println("seq2seq " + command + ": SIG" + signal.getName() + " received: stopping after"
          + " the current step and saving (send it again to stop at once)");
      err.flush();
      return;
    }
    err.println("seq2seq " + command + ": SIG" + signal.getName() + " again: stopping now");
    err.flush();
    Runtime.getRuntime().halt(exitCode(signal));
  }

  /** Whether a stop was asked for. */
  boolean requested() {
    return received != null;
  }

  /** The conventional exit code for the signal received: {@code 128 + its number}. */
  int exitCode() {
    return exitCode(received);
  }

  private static int exitCode(Signal signal) {
    return 128 + signal.getNumber();
  }

  @Override
  public void close() {
    for (int i = 0; i < installed.size(); i++) {
      Signal.handle(installed.get(i), previous.get(i));
    }
  }
}
