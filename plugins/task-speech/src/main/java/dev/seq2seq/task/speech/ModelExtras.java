package dev.seq2seq.task.speech;

import dev.seq2seq.task.speech.data.OutputUnits;
import dev.seq2seq.task.speech.features.Cmvn;
import dev.seq2seq.task.speech.features.LogMelConfig;
import dev.seq2seq.task.speech.features.MfccConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a speech model folder holds besides the recipe and weights: {@code alphabet.json} (the
 * output classes: characters or words), {@code features.json} (sample rate and feature settings, for tools outside
 * seq2seq) and {@code cmvn.json} (global normalisation statistics, when the recipe uses them).
 */
final class ModelExtras {
  static final String ALPHABET_FILE = "alphabet.json";
  static final String FEATURES_FILE = "features.json";
  static final String CMVN_FILE = "cmvn.json";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private ModelExtras() {}

  static void write(Path dir, SpeechDataConfig data, OutputUnits units, Cmvn cmvn) throws IOException {
    Files.writeString(dir.resolve(ALPHABET_FILE), units.json());
    Map<String, Object> features = new LinkedHashMap<>();
    features.put("sample_rate", data.sampleRate());
    features.put("type", data.features() instanceof MfccConfig ? "mfcc"
        : data.features() instanceof LogMelConfig ? "log_mel" : data.features().getClass().getName());
    features.put("settings", data.features());
    features.put("dims", data.features().dims());
    features.put("global_cmvn", cmvn != null);
    Files.writeString(dir.resolve(FEATURES_FILE), JSON.writeValueAsString(features) + "\n");
    if (cmvn != null) {
      Map<String, Object> stats = new LinkedHashMap<>();
      stats.put("mean", cmvn.mean());
      stats.put("std", cmvn.std());
      Files.writeString(dir.resolve(CMVN_FILE), JSON.writeValueAsString(stats) + "\n");
    }
  }

  /**
   * Checks that the model's classes are the recipe's units and reads the CMVN statistics (null
   * when the recipe uses none).
   */
  static Cmvn read(Path dir, SpeechDataConfig data, OutputUnits units) throws IOException {
    Path alphabet = dir.resolve(ALPHABET_FILE);
    if (!Files.isRegularFile(alphabet) || !Files.readString(alphabet).equals(units.json())) {
      throw new IOException(dir + " is not a speech model of this version: " + ALPHABET_FILE
          + " is missing or lists other output units than the recipe's task section");
    }
    if (!data.globalCmvn()) {
      return null;
    }
    Path file = dir.resolve(CMVN_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException(dir + ": the recipe uses global_cmvn but " + CMVN_FILE + " is missing");
    }
    try {
      JsonNode node = JSON.readTree(Files.readString(file));
      float[] mean = floats(node.get("mean"), file, "mean");
      float[] std = floats(node.get("std"), file, "std");
      if (mean.length != data.features().dims() || std.length != mean.length) {
        throw new IOException(file + ": statistics for " + mean.length + "/" + std.length
            + " dimensions, the features have " + data.features().dims());
      }
      return new Cmvn(mean, std);
    } catch (JacksonException e) {
      throw new IOException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
  }

  private static float[] floats(JsonNode array, Path file, String name) throws IOException {
    if (array == null || !array.isArray()) {
      throw new IOException(file + ": \"" + name + "\" (an array of numbers) is missing");
    }
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = array.get(i);
      if (!v.isNumber() || (name.equals("std") && v.asDouble() <= 0)) {
        throw new IOException(file + ": \"" + name + "\"[" + i + "] is " + v
            + (name.equals("std") ? ", not a positive number" : ", not a number"));
      }
      out[i] = (float) v.asDouble();
    }
    return out;
  }
}
