package dev.seq2seq.task.forecasting;

import dev.seq2seq.task.forecasting.data.Scaler;
import dev.seq2seq.task.forecasting.data.Scaling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a forecast needs besides the weights, saved as {@code forecasting.json} in the model
 * folder: the columns the network was trained on (resolved from the training file's header) and
 * the scaling fitted on the training part, so new input is scaled exactly as in training.
 *
 * @param timeColumn the time column's name
 * @param columns the input columns, in the network's feature order
 * @param target the forecast column (one of {@code columns})
 */
record ModelInfo(String timeColumn, List<String> columns, String target, int inputLength,
    int horizon, Scaler scaler) {
  static final String FILE = "forecasting.json";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  ModelInfo {
    columns = List.copyOf(columns);
    if (!columns.contains(target)) {
      throw new IllegalArgumentException("target '" + target + "' is not one of " + columns);
    }
    if (scaler.columns() != columns.size()) {
      throw new IllegalArgumentException(
          "a scaler of " + scaler.columns() + " columns for " + columns.size() + " columns");
    }
  }

  int targetIndex() {
    return columns.indexOf(target);
  }

  void write(Path modelDir) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("time_column", timeColumn);
    json.put("columns", columns);
    json.put("target", target);
    json.put("input_length", inputLength);
    json.put("horizon", horizon);
    json.put("scaling", scaler.kind().name().toLowerCase(Locale.ROOT));
    json.put("centre", scaler.centre());
    json.put("scale", scaler.scale());
    Files.writeString(modelDir.resolve(FILE),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
  }

  /** Reads {@code forecasting.json}; every problem names the file and the field. */
  static ModelInfo read(Path modelDir) throws IOException {
    Path file = modelDir.resolve(FILE);
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IOException(modelDir + " is not a forecasting model: " + FILE + " is missing");
    } catch (JacksonException e) {
      throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage());
    }
    try {
      List<String> columns = new ArrayList<>();
      for (JsonNode c : field(root, "columns")) {
        columns.add(c.asString());
      }
      Scaling kind = Scaling.valueOf(field(root, "scaling").asString().toUpperCase(Locale.ROOT));
      Scaler scaler = new Scaler(kind, numbers(field(root, "centre")), numbers(field(root, "scale")));
      return new ModelInfo(field(root, "time_column").asString(), columns,
          field(root, "target").asString(), field(root, "input_length").asInt(),
          field(root, "horizon").asInt(), scaler);
    } catch (IllegalArgumentException | JacksonException e) {
      throw new IOException(file + " is damaged: " + e.getMessage());
    }
  }

  private static JsonNode field(JsonNode root, String name) {
    JsonNode n = root.get(name);
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException("field '" + name + "' is missing");
    }
    return n;
  }

  private static double[] numbers(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }
}
