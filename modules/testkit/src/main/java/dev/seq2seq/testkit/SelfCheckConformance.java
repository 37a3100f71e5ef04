package dev.seq2seq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.check.CheckResult;
import dev.seq2seq.check.SelfCheck;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What {@code seq2seq doctor} runs must pass on every backend. */
public abstract class SelfCheckConformance extends BackendFixture {

  @Test
  void everySelfCheckPasses() {
    List<CheckResult> results = SelfCheck.run(backend());
    assertThat(results).hasSizeGreaterThan(60);
    assertThat(results.stream().map(CheckResult::name).distinct().count())
        .as("check names are unique").isEqualTo(results.size());
    String failures = results.stream()
        .filter(r -> !r.passed())
        .map(r -> r.name() + " (max error " + r.maxError() + "): " + r.detail())
        .collect(Collectors.joining("\n  "));
    if (!failures.isEmpty()) {
      System.err.println("self-check failures on " + backend().name() + ":\n  " + failures);
    }
    assertThat(failures).as("failed self-checks").isEmpty();
  }
}
