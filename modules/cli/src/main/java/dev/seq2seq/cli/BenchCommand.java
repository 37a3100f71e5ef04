package dev.seq2seq.cli;

import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.command.Json;
import com.google.inject.Inject;
import dev.seq2seq.bench.Benchmark;
import dev.seq2seq.bench.BenchmarkOptions;
import dev.seq2seq.bench.Measurement;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a registered benchmark and prints its measurements. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a registered benchmark (see --list) and print its measurements.")
final class BenchCommand implements Callable<Integer> {
  private final Map<String, Benchmark> benchmarks;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "Benchmark to run.")
  String name;

  @Option(names = "--list", description = "List the registered benchmarks.")
  boolean list;

  @Option(names = "--backend", defaultValue = "native", description = "Backend (default: ${DEFAULT-VALUE}).")
  String backend;

  @Option(names = "--threads", defaultValue = "0", description = "Worker threads; 0 = one per core.")
  int threads;

  @Option(names = "--quick", description = "Fewer repetitions (indicative numbers only).")
  boolean quick;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Inject
  BenchCommand(Map<String, Benchmark> benchmarks) {
    this.benchmarks = benchmarks;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (list || name == null) {
      new TreeMap<>(benchmarks).forEach((n, b) -> out.printf("%-12s %s%n", n, b.description()));
      return name == null && !list ? ExitCode.USAGE : ExitCode.OK;
    }
    Benchmark benchmark = Lookup.require(benchmarks, name, "benchmark");
    if (threads < 0) {
      throw new UsageException("--threads must be >= 0");
    }
    List<Measurement> results = benchmark.run(new BenchmarkOptions(backend, threads, quick));
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Measurement m : results) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", m.name());
        row.put("value", m.value());
        row.put("unit", m.unit());
        row.put("note", m.note());
        rows.add(row);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("benchmark", name);
      result.put("cores", Runtime.getRuntime().availableProcessors());
      result.put("java", System.getProperty("java.version"));
      result.put("measurements", rows);
      out.println(Json.write(result));
    } else {
      for (Measurement m : results) {
        out.printf(Locale.ROOT, "%-40s %12.2f %-14s %s%n", m.name(), m.value(), m.unit(), m.note());
      }
    }
    return ExitCode.OK;
  }
}
