package dev.seq2seq.plugin;

/** A plugin set that cannot start: duplicate names, or a module that fails to configure. */
public final class PluginException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PluginException(String message) {
    super(message);
  }

  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
