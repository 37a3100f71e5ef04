package dev.seq2seq.loss;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The PyTorch reference cases in {@code ctc/torch_ctc_vectors.json}. */
final class TorchCtcVectors {

  /** One utterance: logits {@code [T, C]} flattened, and PyTorch's loss and gradient. */
  record Case(
      String name, int time, int classes, double[] logits, int[] target, double loss,
      double[] gradient) {}

  private TorchCtcVectors() {}

  static List<Case> load() {
    try (InputStream in = TorchCtcVectors.class.getResourceAsStream("/ctc/torch_ctc_vectors.json")) {
      if (in == null) {
        throw new IllegalStateException("missing test resource ctc/torch_ctc_vectors.json");
      }
      JsonNode root = JsonMapper.shared().readTree(in.readAllBytes());
      List<Case> cases = new ArrayList<>();
      for (JsonNode c : root.get("cases")) {
        JsonNode rows = c.get("logits");
        int time = rows.size();
        int classes = rows.get(0).size();
        double[] logits = flatten(rows, time, classes);
        int[] target = new int[c.get("target").size()];
        for (int i = 0; i < target.length; i++) {
          target[i] = c.get("target").get(i).intValue();
        }
        JsonNode loss = c.get("loss");
        double lossValue = loss.isString() ? Double.POSITIVE_INFINITY : loss.doubleValue();
        JsonNode grad = c.get("grad_logits");
        double[] gradient = grad == null || grad.isNull() ? null : flatten(grad, time, classes);
        cases.add(
            new Case(c.get("name").asString(), time, classes, logits, target, lossValue, gradient));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Case named(String name) {
    return load().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no CTC case " + name));
  }

  private static double[] flatten(JsonNode rows, int time, int classes) {
    double[] out = new double[time * classes];
    for (int t = 0; t < time; t++) {
      for (int c = 0; c < classes; c++) {
        out[t * classes + c] = rows.get(t).get(c).doubleValue();
      }
    }
    return out;
  }
}
