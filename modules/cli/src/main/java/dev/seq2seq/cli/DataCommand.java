package dev.seq2seq.cli;

import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.command.Json;
import com.google.inject.Inject;
import dev.seq2seq.data.Dataset;
import dev.seq2seq.data.DatasetException;
import dev.seq2seq.data.DatasetResolver;
import dev.seq2seq.data.Problem;
import dev.seq2seq.data.UnknownDatasetException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The dataset catalogue: where each dataset is, its folder (downloading it if needed), full checks. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = {
      "Named datasets: list them, print a dataset's folder, verify checksums.",
      "Looks in $SEQ2SEQ_DATA/<name> (a mirror), then the cache ($SEQ2SEQ_CACHE/data, default"
          + " ~/.cache/seq2seq/data), then downloads and verifies. SEQ2SEQ_OFFLINE=1 forbids downloads."
    },
    subcommands = {DataCommand.ListCommand.class, DataCommand.PathCommand.class, DataCommand.VerifyCommand.class})
final class DataCommand implements Callable<Integer> {
  private final Supplier<DatasetResolver> factory;
  private DatasetResolver resolver;

  @Spec CommandSpec spec;

  @Inject
  DataCommand() {
    this(DatasetResolver::system);
  }

  /** For tests: a resolver over a chosen mirror, cache and transport. */
  DataCommand(Supplier<DatasetResolver> factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  /** Created on first use, so a bad environment variable is reported as bad input by the subcommand. */
  DatasetResolver resolver() {
    if (resolver == null) {
      try {
        resolver = factory.get();
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return resolver;
  }

  Dataset dataset(String name) {
    try {
      return resolver().catalogue().get(name);
    } catch (UnknownDatasetException e) {
      throw new UsageException(e.getMessage());
    }
  }

  static String humanSize(long bytes) {
    return bytes < 1_000_000
        ? String.format(Locale.ROOT, "%d kB", Math.round(bytes / 1e3))
        : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the datasets and where each resolves.")
  static final class ListCommand implements Callable<Integer> {
    @ParentCommand DataCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Dataset d : parent.resolver().catalogue().datasets()) {
        DatasetResolver.Status s = parent.resolver().status(d.name());
        String where = s.location().map(l -> l.name().toLowerCase(Locale.ROOT)).orElse("not available");
        if (json) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("name", d.name());
          row.put("description", d.description());
          row.put("licence", d.licence());
          row.put("bytes", d.size());
          row.put("files", d.fileCount());
          row.put("where", where);
          row.put("folder", s.location().isPresent() ? s.folder().toString() : null);
          row.put("problems", s.problems().stream().map(Problem::toString).toList());
          rows.add(row);
          continue;
        }
        String detail = s.location().isEmpty()
            ? "(downloads to " + s.folder() + " on first use)"
            : s.folder() + (s.problems().isEmpty() ? ""
                : "  DOES NOT MATCH THE CATALOGUE (" + s.problems().get(0)
                    + (s.problems().size() > 1 ? ", ..." : "") + "); run 'seq2seq data verify " + d.name() + "'");
        out.printf(Locale.ROOT, "%-16s %9s %6d  %-13s %s%n", d.name(), humanSize(d.size()), d.fileCount(), where, detail);
      }
      if (json) {
        out.println(Json.write(Map.of("datasets", rows)));
      }
      return ExitCode.OK;
    }
  }

  @Command(name = "path", mixinStandardHelpOptions = true,
      description = "Print the folder of a dataset, downloading and verifying it first if needed.")
  static final class PathCommand implements Callable<Integer> {
    @ParentCommand DataCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Dataset name (see 'seq2seq data list').")
    String name;

    @Override
    public Integer call() {
      parent.dataset(name);
      try {
        spec.commandLine().getOut().println(parent.resolver().resolve(name).folder());
        return ExitCode.OK;
      } catch (DatasetException e) {
        spec.commandLine().getErr().println("seq2seq data path: " + e.getMessage());
        return ExitCode.FAILURE;
      }
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check every file's SHA-256 against the catalogue (all local datasets when no NAME is given).")
  static final class VerifyCommand implements Callable<Integer> {
    @ParentCommand DataCommand parent;
    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Datasets to verify.")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      names.forEach(parent::dataset); // every name is checked before any slow work
      List<String> todo = new ArrayList<>(names);
      if (todo.isEmpty()) {
        for (Dataset d : parent.resolver().catalogue().datasets()) {
          if (parent.resolver().status(d.name()).location().isPresent()) {
            todo.add(d.name());
          }
        }
        if (todo.isEmpty()) {
          err.println("seq2seq data verify: no dataset has a local copy; nothing to verify");
        }
      }
      boolean failed = false;
      for (String name : todo) {
        try {
          DatasetResolver.Status s = parent.resolver().status(name);
          List<Problem> problems = parent.resolver().verify(name);
          if (problems.isEmpty()) {
            out.printf("%s: OK (%d files, %s)%n", name, s.dataset().fileCount(), s.folder());
          } else {
            failed = true;
            out.printf("%s: FAILED (%s)%n", name, s.folder());
            problems.forEach(p -> out.println("  " + p));
          }
        } catch (DatasetException e) {
          failed = true;
          err.println("seq2seq data verify: " + e.getMessage());
        }
      }
      return failed ? ExitCode.FAILURE : ExitCode.OK;
    }
  }
}
