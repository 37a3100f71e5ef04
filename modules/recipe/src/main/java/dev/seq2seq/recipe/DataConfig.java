package dev.seq2seq.recipe;

import dev.seq2seq.plugin.ExtensionPoint;

/**
 * The data section; its fields are defined by the task named in `task.type`. Tasks register their records with {@code ConfigTypes.register(binder(), DataConfig.class,
 * "translation", ...)}.
 */
@ExtensionPoint("data")
public interface DataConfig {}
