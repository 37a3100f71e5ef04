package dev.seq2seq.nn;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Shape;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Creates and holds a model's parameters under dotted names.
 *
 * <p>Each parameter is drawn from a generator seeded by the model seed and the parameter's full
 * name, so its initial value depends on nothing else: not on the backend, not on the order in
 * which modules are built, and not on which other parameters exist.
 *
 * <pre>{@code
 * ParameterStore params = new ParameterStore(backend, 42);
 * Linear out = new Linear(params.child("decoder.out"), 512, vocab);  // decoder.out.weight, .bias
 * }</pre>
 */
public final class ParameterStore {
  private final Backend backend;
  private final long seed;
  private final String prefix;
  private final Map<String, Parameter> parameters;

  public ParameterStore(Backend backend, long seed) {
    this(backend, seed, "", new LinkedHashMap<>());
  }

  private ParameterStore(
      Backend backend, long seed, String prefix, Map<String, Parameter> parameters) {
    this.backend = backend;
    this.seed = seed;
    this.prefix = prefix;
    this.parameters = parameters;
  }

  public Backend backend() {
    return backend;
  }

  public long seed() {
    return seed;
  }

  /** A view that creates parameters under {@code prefix.name}, sharing this store. */
  public ParameterStore child(String name) {
    if (name.isEmpty() || name.contains(" ")) {
      throw new IllegalArgumentException("bad parameter namespace '" + name + "'");
    }
    return new ParameterStore(backend, seed, qualify(name), parameters);
  }

  /** Creates a parameter of the given shape, drawn from {@code init}. */
  public Parameter create(String name, Init init, int... shape) {
    String full = qualify(name);
    if (parameters.containsKey(full)) {
      throw new IllegalArgumentException("parameter '" + full + "' is defined twice");
    }
    Shape s = Shape.of(shape);
    float[] values = init.sample(s, generatorFor(full));
    Parameter p = new Parameter(full, backend.of(values, shape));
    parameters.put(full, p);
    return p;
  }

  /** Every parameter of the whole store (not only this view), in creation order. */
  public Map<String, Parameter> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  /** Total number of scalar weights in the whole store. */
  public long count() {
    long n = 0;
    for (Parameter p : parameters.values()) {
      n += p.value().shape().size();
    }
    return n;
  }

  private String qualify(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  private SplittableRandom generatorFor(String fullName) {
    // FNV-1a over the UTF-8 name, mixed with the seed: stable across JVMs and releases.
    long h = 0xcbf29ce484222325L;
    for (byte b : fullName.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ h);
  }
}
