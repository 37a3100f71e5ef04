package dev.seq2seq.plugin;

import com.google.inject.Module;

/** Listed in this module's test META-INF/services, to prove discovery works as documented. */
public final class ServiceLoadedTestPlugin implements Plugin {
  @Override
  public String name() {
    return "test-greeters";
  }

  @Override
  public String description() {
    return "registers a greeter for the discovery test";
  }

  @Override
  public Module module() {
    return PluginsTest.registering("hello", PluginsTest.Hello.class);
  }
}
