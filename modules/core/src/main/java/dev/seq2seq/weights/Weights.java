package dev.seq2seq.weights;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.Parameter;
import dev.seq2seq.nn.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a {@link ParameterStore}'s parameters as safetensors, keyed by their full
 * dotted names. The names follow PyTorch's ({@code weight}, {@code bias}, {@code weight_ih_l0},
 * ...), so a file written here loads into the equivalent PyTorch module with {@code
 * load_state_dict(safetensors.torch.load_file(path))}, and the other way round.
 */
public final class Weights {

  private Weights() {}

  /** Writes every parameter (FLOAT32 as F32, FLOAT64 as F64) atomically. */
  public static void save(Path file, ParameterStore store, Map<String, String> metadata)
      throws IOException {
    Map<String, HostTensor> tensors = new LinkedHashMap<>();
    for (Parameter p : store.parameters().values()) {
      tensors.put(p.name(), toHost(p.value()));
    }
    Safetensors.write(file, tensors, metadata);
  }

  /**
   * Copies the file's tensors into the store's parameters in place. The file must hold exactly the
   * store's parameter names with the same shapes; otherwise nothing is changed and one error lists
   * every missing, unexpected and mismatched name. Any floating dtype is accepted and converted.
   *
   * @return the file's metadata
   */
  public static Map<String, String> load(Path file, ParameterStore store) throws IOException {
    Safetensors.Contents contents = Safetensors.read(file);
    Map<String, HostTensor> tensors = contents.tensors();
    Map<String, Parameter> parameters = store.parameters();

    List<String> missing = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    for (Parameter p : parameters.values()) {
      HostTensor t = tensors.get(p.name());
      if (t == null) {
        missing.add(p.name());
      } else if (!Arrays.equals(t.shape(), p.value().shape().dims())) {
        mismatched.add(
            p.name() + " (file " + Arrays.toString(t.shape()) + ", model " + p.value().shape() + ")");
      } else if (!t.isFloating()) {
        mismatched.add(p.name() + " (file holds " + t.dtype() + ", not a floating type)");
      }
    }
    List<String> unexpected = new ArrayList<>();
    for (String name : tensors.keySet()) {
      if (!parameters.containsKey(name)) {
        unexpected.add(name);
      }
    }
    if (!missing.isEmpty() || !unexpected.isEmpty() || !mismatched.isEmpty()) {
      StringBuilder message = new StringBuilder(file + ": weights do not match the model");
      appendList(message, "missing", missing);
      appendList(message, "unexpected", unexpected);
      appendList(message, "shape or dtype mismatch", mismatched);
      throw new IllegalArgumentException(message.toString());
    }

    for (Parameter p : parameters.values()) {
      Tensor value = p.value();
      value.assign(toBackend(tensors.get(p.name()), value.backend(), value.dtype()));
    }
    return contents.metadata();
  }

  /** A host copy of a floating tensor. */
  public static HostTensor toHost(Tensor t) {
    int[] shape = t.shape().dims();
    return switch (t.dtype()) {
      case FLOAT32 -> HostTensor.ofFloats(t.toFloatArray(), shape);
      case FLOAT64 -> HostTensor.ofDoubles(t.toDoubleArray(), shape);
      case INT32 -> HostTensor.ofInts(t.toIntArray(), shape);
    };
  }

  /** A backend tensor of the requested type holding a host tensor's values. */
  public static Tensor toBackend(HostTensor t, Backend backend, DType dtype) {
    int[] shape = t.shape();
    return switch (dtype) {
      case FLOAT32 -> backend.of(t.toFloatArray(), shape);
      case FLOAT64 -> backend.of(t.toDoubleArray(), DType.FLOAT64, shape);
      case INT32 -> backend.ofInts(t.toIntArray(), shape);
    };
  }

  private static void appendList(StringBuilder out, String label, List<String> names) {
    if (!names.isEmpty()) {
      out.append("; ").append(label).append(": ").append(String.join(", ", names));
    }
  }
}
