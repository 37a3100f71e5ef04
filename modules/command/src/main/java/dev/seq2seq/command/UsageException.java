package dev.seq2seq.command;

/** A problem with what the user asked for; the message says what and how to fix it (exit 2). */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
