package dev.seq2seq.plugin;

import com.google.inject.Module;

/**
 * An extension of seq2seq, found on the class path with {@link java.util.ServiceLoader}.
 *
 * <p>A plugin contributes exactly one Guice module, which only binds: it registers components
 * under short names with {@link Registries} and does no I/O. A third-party plugin is a jar that
 * contains an implementation of this interface and names it in {@code
 * META-INF/services/dev.seq2seq.plugin.Plugin}.
 */
public interface Plugin {

  /** A short, unique name such as {@code backend-native}. */
  String name();

  /** One line shown by {@code seq2seq plugins}. */
  String description();

  /** The bindings this plugin contributes. */
  Module module();
}
