package dev.seq2seq.command;

import dev.seq2seq.plugin.ExtensionPoint;

/**
 * A top-level command a plugin adds to {@code seq2seq} ({@code translate}, {@code transcribe},
 * {@code generate}, ...), so a task brings its own command line without the CLI naming it.
 *
 * <p>An implementation is a picocli {@code @Command} class that implements {@code
 * Callable<Integer>} (returning an {@link ExitCode}) and receives what it needs by constructor
 * injection (a {@link ModelLoader}, registries). Register it under the same name as its
 * {@code @Command(name = ...)}:
 *
 * <pre>{@code
 * Registries.register(binder(), TaskCommand.class, "translate", TranslateCommand.class);
 * }</pre>
 *
 * <p>Throw {@link UsageException} for bad input (exit 2, the message printed once); return
 * {@link ExitCode#PARTIAL} when some inputs failed and the rest were done.
 */
@ExtensionPoint("command")
public interface TaskCommand {}
