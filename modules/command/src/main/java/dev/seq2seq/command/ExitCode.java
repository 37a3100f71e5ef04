package dev.seq2seq.command;

/** The exit codes every seq2seq command uses. */
public final class ExitCode {
  /** Everything asked for was done. */
  public static final int OK = 0;

  /** Something failed (a self-check, a crash, an I/O error). */
  public static final int FAILURE = 1;

  /** Bad usage or bad input: an unknown option, a malformed recipe, a missing file. */
  public static final int USAGE = 2;

  /** Some inputs failed and the rest were done. */
  public static final int PARTIAL = 3;

  private ExitCode() {}
}
