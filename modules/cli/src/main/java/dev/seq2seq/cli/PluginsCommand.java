package dev.seq2seq.cli;

import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.Json;
import com.google.inject.Inject;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.Plugins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists the plugins found on the class path and every registry with what is registered. */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = "List the plugins and what each registry holds.")
final class PluginsCommand implements Callable<Integer> {
  private final Plugins plugins;

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Inject
  PluginsCommand(Plugins plugins) {
    this.plugins = plugins;
  }

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    if (json) {
      List<Map<String, String>> list = new ArrayList<>();
      for (Plugin p : plugins.plugins()) {
        list.add(Map.of("name", p.name(), "description", p.description()));
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("plugins", list);
      result.put("registries", plugins.registries());
      out.println(Json.write(result));
      return ExitCode.OK;
    }
    out.println("Plugins:");
    if (plugins.plugins().isEmpty()) {
      out.println("  (none found on the class path)");
    }
    for (Plugin p : plugins.plugins()) {
      out.printf("  %-20s %s%n", p.name(), p.description());
    }
    out.println();
    out.println("Registries:");
    plugins
        .registries()
        .forEach(
            (registry, names) -> {
              out.println("  " + registry + ":");
              if (names.isEmpty()) {
                out.println("    (empty)");
              }
              names.forEach((name, plugin) -> out.printf("    %-18s (from %s)%n", name, plugin));
            });
    return ExitCode.OK;
  }
}
