package dev.seq2seq.plugin;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import dev.seq2seq.backend.BackendProvider;
import java.util.regex.Pattern;

/**
 * Registration helpers for plugin modules. Every registry is a {@link MapBinder} from a short
 * name to an implementation of an {@link ExtensionPoint} interface, so consumers inject {@code
 * Map<String, T>}.
 *
 * <pre>{@code
 * protected void configure() {
 *   Registries.register(binder(), BackendProvider.class, "native", NativeBackendProvider.class);
 * }
 * }</pre>
 */
public final class Registries {
  private static final Pattern SHORT_NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  private Registries() {}

  /** The registry for {@code type}, to add several entries or to declare an empty registry. */
  public static <T> MapBinder<String, T> registry(Binder binder, Class<T> type) {
    if (!type.isAnnotationPresent(ExtensionPoint.class)) {
      throw new IllegalArgumentException(
          type.getName() + " is not an extension point (annotate it with @ExtensionPoint)");
    }
    return MapBinder.newMapBinder(binder, String.class, type);
  }

  /** Registers {@code implementation} under {@code name} in the registry of {@code type}. */
  public static <T> void register(
      Binder binder, Class<T> type, String name, Class<? extends T> implementation) {
    checkName(name);
    registry(binder, type).addBinding(name).to(implementation);
  }

  /** Shorthand for the backend registry. */
  public static void backend(
      Binder binder, String name, Class<? extends BackendProvider> implementation) {
    register(binder, BackendProvider.class, name, implementation);
  }

  /** The display name of a registry's value type. */
  public static String registryName(Class<?> type) {
    ExtensionPoint point = type.getAnnotation(ExtensionPoint.class);
    return point != null ? point.value() : type.getSimpleName();
  }

  static void checkName(String name) {
    if (!SHORT_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "registered name '" + name + "' must be lower case letters, digits, '-' or '_'");
    }
  }
}
