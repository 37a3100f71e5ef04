package dev.seq2seq.recipe;

import dev.seq2seq.plugin.ExtensionPoint;

/**
 * The task section: `type` names a registered task (`translation`, `speech`, ...), whose record holds the task's own settings and decides the records of `data` and `model`. Tasks register their records with {@code ConfigTypes.register(binder(), TaskConfig.class,
 * "translation", ...)}.
 */
@ExtensionPoint("task")
public interface TaskConfig {}
