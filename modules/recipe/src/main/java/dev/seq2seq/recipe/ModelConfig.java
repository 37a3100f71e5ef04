package dev.seq2seq.recipe;

import dev.seq2seq.plugin.ExtensionPoint;

/**
 * The model section; its fields are defined by the task named in `task.type`. Tasks register their records with {@code ConfigTypes.register(binder(), ModelConfig.class,
 * "translation", ...)}.
 */
@ExtensionPoint("model")
public interface ModelConfig {}
