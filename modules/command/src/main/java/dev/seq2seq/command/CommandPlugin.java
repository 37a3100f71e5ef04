package dev.seq2seq.command;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Registries;

/** Declares the command registry, so that {@code Map<String, TaskCommand>} injects even empty. */
public final class CommandPlugin implements Plugin {
  @Override
  public String name() {
    return "command";
  }

  @Override
  public String description() {
    return "the registry of commands that plugins add (translate, transcribe, ...)";
  }

  @Override
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        Registries.registry(binder(), TaskCommand.class);
      }
    };
  }
}
