package dev.seq2seq.cli;

import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.UsageException;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.seq2seq.command.TaskCommand;
import java.util.Map;
import java.util.TreeMap;
import dev.seq2seq.plugin.PluginException;
import dev.seq2seq.plugin.Plugins;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** Entry point of the {@code seq2seq} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line and returns its exit code; tests call this directly. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    // Guice reports binding problems through java.util.logging as well as by exception; the
    // exception is what users need to see, once.
    Logger.getLogger("com.google.inject").setLevel(Level.WARNING);
    Plugins plugins;
    try {
      plugins = Plugins.discover(Main.class.getClassLoader());
    } catch (PluginException e) {
      err.println("seq2seq: " + e.getMessage());
      return ExitCode.FAILURE;
    }
    Injector injector =
        plugins.injector().createChildInjector(binder -> binder.bind(Plugins.class).toInstance(plugins));
    GuiceFactory factory = new GuiceFactory(injector);
    CommandLine cli = new CommandLine(Seq2seqCommand.class, factory);
    // Commands contributed by plugins (translate, transcribe, ...), in name order for --help.
    Map<String, TaskCommand> commands =
        injector.getInstance(Key.get(new TypeLiteral<Map<String, TaskCommand>>() {}));
    new TreeMap<>(commands).forEach((name, command) -> cli.addSubcommand(name, new CommandLine(command, factory)));
    // Enum options are written in lower case in help texts and recipes (--split test).
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof UsageException) {
            commandLine.getErr().println("seq2seq " + commandLine.getCommandName() + ": " + e.getMessage());
            return ExitCode.USAGE;
          }
          commandLine.getErr().println("seq2seq " + commandLine.getCommandName() + ": " + e);
          if (System.getenv("SEQ2SEQ_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
          } else {
            commandLine.getErr().println("(set SEQ2SEQ_DEBUG=1 for the stack trace)");
          }
          return ExitCode.FAILURE;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
