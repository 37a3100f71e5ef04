package dev.seq2seq.task.forecasting;

import dev.seq2seq.recipe.DataConfig;
import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;
import dev.seq2seq.recipe.config.Violation;
import dev.seq2seq.task.forecasting.data.Scaling;
import java.util.ArrayList;
import java.util.List;

@Doc("A CSV file with a header: a time column and numeric value columns, rows in time order."
    + " The last part (from `test_from`, or the last `test_fraction` of the rows) is the test"
    + " data; the end of the rest (`validation_fraction` of it) is the validation data; scaling is"
    + " fitted on the remaining training rows only. Training windows are every `input_length`"
    + " rows followed by `horizon` rows inside the training part; batches follow"
    + " train.batch_size (windows).")
public record ForecastDataConfig(
    @Doc("A catalogue dataset (`seq2seq data list`) holding the file; empty: `file` is a path.")
        @Default("\"\"") String dataset,
    @Doc("The CSV file: its name inside the dataset's folder, or (without `dataset`) a path,"
        + " relative to the working directory.") String file,
    @Doc("The time column's name; empty: the first column.") @Default("\"\"") String timeColumn,
    @Doc("The value columns the network reads; empty: every column but the time column.")
        @Default("[]") List<String> columns,
    @Doc("The column forecast; empty: the first of `columns`.") @Default("\"\"") String target,
    @Doc("Past rows the network reads per forecast.") @Default("24") @Positive int inputLength,
    @Doc("Rows forecast at once (the network's outputs).") @Default("12") @Positive int horizon,
    @Doc("The first time of the test part (compared as a number or an ISO date: `1951-01`);"
        + " empty: split by `test_fraction`.") @Default("\"\"") String testFrom,
    @Doc("The fraction of the rows at the end that is the test part, when `test_from` is empty.")
        @Default("0.0") @Min(0) @Max(value = 1, exclusive = true) double testFraction,
    @Doc("The fraction of the rows before the test part, at their end, that is the validation"
        + " part.") @Default("0.1") @Min(value = 0, exclusive = true) @Max(value = 1, exclusive = true)
        double validationFraction,
    @Doc("How values are scaled for the network: `standard`, `minmax` or `none`; fitted on the"
        + " training part and saved with the model.") @Default("standard") Scaling scaling,
    @Doc("Period of the seasonal-naive baseline, in rows (12 for monthly data with a yearly"
        + " season).") @Default("12") @Positive int season)
    implements DataConfig, Checked {

  @Override
  public List<Violation> validate() {
    List<Violation> problems = new ArrayList<>();
    if (file.isBlank()) {
      problems.add(Violation.at("file", "must name the CSV file"));
    }
    if (testFrom.isEmpty() == (testFraction == 0)) {
      problems.add(Violation.at(testFrom.isEmpty() ? "test_fraction" : "test_from",
          "set exactly one of test_from and test_fraction (> 0) to say where the test part starts"));
    }
    if (!target.isEmpty() && !columns.isEmpty() && !columns.contains(target)) {
      problems.add(Violation.at("target", "'" + target + "' is not one of columns " + columns));
    }
    if (columns.size() != columns.stream().distinct().count()) {
      problems.add(Violation.at("columns", "names a column twice: " + columns));
    }
    return problems;
  }
}
