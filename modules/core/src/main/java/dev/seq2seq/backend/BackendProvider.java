package dev.seq2seq.backend;

import dev.seq2seq.plugin.ExtensionPoint;

/**
 * The backend SPI's entry point: a plugin registers one provider under a short name (such as
 * {@code native} or {@code djl}) in the {@code backend} registry, and recipes select it by that
 * name. Creating a backend may load native libraries; registering a provider must not.
 */
@ExtensionPoint("backend")
public interface BackendProvider {

  /** One line shown by {@code seq2seq plugins}. */
  String description();

  /** Creates a backend; the caller closes it. */
  Backend create(BackendOptions options);
}
