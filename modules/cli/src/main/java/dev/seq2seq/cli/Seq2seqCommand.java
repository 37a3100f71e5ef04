package dev.seq2seq.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The top-level {@code seq2seq} command: only subcommands do work. */
@Command(
    name = "seq2seq",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Sequence-to-sequence learning with recurrent networks.",
    subcommands = {
      PluginsCommand.class,
      DoctorCommand.class,
      BenchCommand.class,
      ScoreCommand.class,
      RecipeCommand.class,
      DataCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      HelpCommand.class,
      AutoComplete.GenerateCompletion.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failure",
      "2:bad usage or bad input",
      "3:partial success (some inputs failed, the rest done)"
    })
public final class Seq2seqCommand {}
