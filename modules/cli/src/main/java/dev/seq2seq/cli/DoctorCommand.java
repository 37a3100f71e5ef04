package dev.seq2seq.cli;

import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.command.Json;
import com.google.inject.Inject;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendInfo;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.check.CheckResult;
import dev.seq2seq.check.ParityCheck;
import dev.seq2seq.check.SelfCheck;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the environment and runs the backend's numeric self-check. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Print the environment and run a numeric self-check of a backend:",
      "finite-difference gradients of every op and recurrent cell configuration,",
      "and the CTC reference cases. With --compare (by default the native backend,",
      "when another one is checked), also compares every op, cell, attention and loss",
      "with that backend on identical inputs. Exit code 0 when every check passes."
    })
final class DoctorCommand implements Callable<Integer> {
  private final Map<String, BackendProvider> backends;

  @Spec CommandSpec spec;

  @Option(
      names = "--backend",
      defaultValue = "native",
      description = "Backend to check (default: ${DEFAULT-VALUE}).")
  String backendName;

  @Option(
      names = "--device",
      defaultValue = "auto",
      description = "cpu, gpu or auto (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "Worker threads; 0 = one per core (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--compare",
      description = "Also compare values and gradients with this backend (parity/... checks);"
          + " default: native when checking another backend, 'none' to skip.")
  String compareName;

  @Option(names = "--json", description = "Print one JSON object with a 'checks' list.")
  boolean json;

  @Inject
  DoctorCommand(Map<String, BackendProvider> backends) {
    this.backends = backends;
  }

  @Override
  public Integer call() {
    BackendProvider provider = Lookup.require(backends, backendName, "backend");
    String compare = compareWith();
    BackendOptions options = new BackendOptions(parseDevice(device), threads);
    Map<String, Object> environment = environment();
    try (Backend backend = provider.create(options)) {
      BackendInfo info = backend.info();
      long start = System.nanoTime();
      List<CheckResult> checks = new ArrayList<>(SelfCheck.run(backend));
      if (compare != null) {
        // The same options for both, so that a difference is the backends', not the settings'.
        try (Backend reference = backends.get(compare).create(options)) {
          checks.addAll(ParityCheck.run(backend, reference));
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      boolean passed = checks.stream().allMatch(CheckResult::passed);
      if (json) {
        printJson(environment, info, checks, passed, seconds);
      } else {
        printText(environment, info, checks, passed, seconds);
      }
      return passed ? ExitCode.OK : ExitCode.FAILURE;
    }
  }

  /** The backend to compare with, or null for none. */
  private String compareWith() {
    if (compareName == null) {
      boolean other = !backendName.equals("native") && backends.containsKey("native");
      return other ? "native" : null;
    }
    if (compareName.equals("none")) {
      return null;
    }
    Lookup.require(backends, compareName, "backend", " for --compare");
    return compareName;
  }

  private static BackendOptions.Device parseDevice(String value) {
    try {
      return BackendOptions.Device.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--device must be cpu, gpu or auto, not '" + value + "'");
    }
  }

  private static Map<String, Object> environment() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("seq2seq", VersionProvider.version());
    env.put("java", System.getProperty("java.version"));
    env.put("java_vendor", System.getProperty("java.vendor"));
    env.put("vm", System.getProperty("java.vm.name"));
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    env.put("cores", Runtime.getRuntime().availableProcessors());
    env.put("max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
    env.put(
        "vector_api",
        ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "enabled" : "absent");
    return env;
  }

  private void printText(
      Map<String, Object> env,
      BackendInfo info,
      List<CheckResult> checks,
      boolean passed,
      double seconds) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Environment:");
    env.forEach((k, v) -> out.printf("  %-14s %s%n", k, v));
    out.println("Backend:");
    out.printf("  %-14s %s%n", "name", info.name());
    out.printf("  %-14s %s%n", "version", info.version());
    out.printf("  %-14s %s%n", "device", info.device());
    out.printf("  %-14s %d%n", "threads", info.threads());
    info.details().forEach((k, v) -> out.printf("  %-14s %s%n", k, v));
    out.println("Self-check:");
    int failed = 0;
    for (CheckResult c : checks) {
      out.printf(
          Locale.ROOT,
          "  %-4s %-40s max error %.2e%s%n",
          c.passed() ? "ok" : "FAIL",
          c.name(),
          c.maxError(),
          c.passed() || c.detail().isEmpty() ? "" : "  (" + c.detail() + ")");
      if (!c.passed()) {
        failed++;
      }
    }
    out.printf(
        Locale.ROOT,
        "%d checks, %d passed, %d failed in %.1f s: %s%n",
        checks.size(),
        checks.size() - failed,
        failed,
        seconds,
        passed ? "all good" : "PROBLEMS FOUND");
  }

  private void printJson(
      Map<String, Object> env,
      BackendInfo info,
      List<CheckResult> checks,
      boolean passed,
      double seconds) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (CheckResult c : checks) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("passed", c.passed());
      // JSON has no NaN or infinity: a non-finite error is reported as null.
      m.put("max_error", Double.isFinite(c.maxError()) ? c.maxError() : null);
      if (!c.detail().isEmpty()) {
        m.put("detail", c.detail());
      }
      list.add(m);
    }
    Map<String, Object> backend = new LinkedHashMap<>();
    backend.put("name", info.name());
    backend.put("version", info.version());
    backend.put("device", info.device());
    backend.put("threads", info.threads());
    backend.put("details", info.details());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("environment", env);
    result.put("backend", backend);
    result.put("passed", passed);
    result.put("seconds", seconds);
    result.put("checks", list);
    spec.commandLine().getOut().println(Json.write(result));
  }
}
