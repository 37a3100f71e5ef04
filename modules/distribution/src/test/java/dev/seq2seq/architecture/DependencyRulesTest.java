package dev.seq2seq.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: the command line → tasks → core ← backends. This test sees every
 * bundled module (the distribution depends on all of them), so a new plugin is checked as soon as
 * it is bundled.
 */
class DependencyRulesTest {
  /** The framework core: SPIs, layers, losses, optimisers, weights I/O, checks. */
  static final String[] CORE = {
    "dev.seq2seq.backend..",
    "dev.seq2seq.bench..",
    "dev.seq2seq.check..",
    "dev.seq2seq.data..",
    "dev.seq2seq.loss..",
    "dev.seq2seq.metric..",
    "dev.seq2seq.nn..",
    "dev.seq2seq.optim..",
    "dev.seq2seq.plugin..",
    "dev.seq2seq.util..",
    "dev.seq2seq.weights.."
  };

  static final String CLI = "dev.seq2seq.cli..";
  static final String[] BACKENDS = {"dev.seq2seq.nativebackend..", "dev.seq2seq.djl.."};
  static final String TASKS = "dev.seq2seq.task..";
  static final String RECIPE = "dev.seq2seq.recipe..";
  /** The training loop and the task SPI: tasks implement it, the CLI drives it. */
  static final String TRAIN = "dev.seq2seq.train..";
  /** The command SPI: tasks add commands (translate, transcribe, ...) without the CLI naming them. */
  static final String COMMAND = "dev.seq2seq.command..";
  static final String PLOT = "dev.seq2seq.plot..";
  static final String TOY = "dev.seq2seq.toy..";
  /** Metric plugins (BLEU, chrF): registered by name in the core's metric registry. */
  static final String METRIC_PLUGINS = "dev.seq2seq.metrics..";

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.seq2seq");
  }

  @Test
  void coreKnowsNoPluginAndNoCommandLine() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .should()
        .dependOnClassesThat(resideInAPackage("dev.seq2seq..").and(not(resideInAnyPackage(CORE))))
        .because("the core defines extension points; plugins and the CLI depend on it, not back")
        .check(classes);
  }

  @Test
  void recipesKnowNoCommandLineAndNoTask() {
    noClasses()
        .that()
        .resideInAPackage(RECIPE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CLI, TASKS)
        .because("tasks contribute their config records through registries")
        .check(classes);
  }

  @Test
  void theTrainerKnowsNoCommandLineAndNoTask() {
    noClasses()
        .that()
        .resideInAPackage(TRAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CLI, TASKS)
        .because("tasks plug into the trainer through the task registry")
        .check(classes);
  }

  @Test
  void theCommandSpiKnowsNoCommandLineAndNoTask() {
    noClasses()
        .that()
        .resideInAPackage(COMMAND)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CLI, TASKS)
        .because("task commands reach the CLI through the command registry")
        .check(classes);
  }

  @Test
  void recipesKnowNoTrainer() {
    noClasses()
        .that()
        .resideInAPackage(RECIPE)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(TRAIN)
        .check(classes);
  }

  @Test
  void plotsAndTheToyModelDependOnlyOnTheCore() {
    noClasses()
        .that()
        .resideInAnyPackage(PLOT, TOY)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            Stream.concat(Stream.of(CLI, TASKS, RECIPE, TRAIN, COMMAND), Stream.of(BACKENDS))
                .toArray(String[]::new))
        .check(classes);
  }

  @Test
  void backendsNameNoTaskAndNoCommandLine() {
    noClasses()
        .that()
        .resideInAnyPackage(BACKENDS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(TASKS, CLI, RECIPE, TRAIN, COMMAND)
        .check(classes);
  }

  @Test
  void tasksAndCommandLineNameNoBackend() {
    noClasses()
        .that()
        .resideInAnyPackage(TASKS, CLI, RECIPE, TRAIN, COMMAND)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(BACKENDS)
        .because("backends are chosen by registered name, never by class")
        .check(classes);
  }

  @Test
  void metricPluginsDependOnlyOnTheCore() {
    noClasses()
        .that()
        .resideInAPackage(METRIC_PLUGINS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            Stream.concat(Stream.of(CLI, TASKS, RECIPE, TRAIN, PLOT, COMMAND), Stream.of(BACKENDS))
                .toArray(String[]::new))
        .check(classes);
  }

  @Test
  void nothingNamesAMetricPlugin() {
    noClasses()
        .that()
        .resideInAnyPackage(
            Stream.concat(Stream.of(CLI, TASKS, RECIPE, TRAIN, PLOT, COMMAND), Stream.of(BACKENDS))
                .toArray(String[]::new))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(METRIC_PLUGINS)
        .because("metrics are chosen by registered name, never by class")
        .check(classes);
  }
}
