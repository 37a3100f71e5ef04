package dev.seq2seq.recipe.config;

import com.google.inject.Binder;
import com.google.inject.Inject;
import com.google.inject.multibindings.MapBinder;
import dev.seq2seq.plugin.ExtensionPoint;
import dev.seq2seq.plugin.Registries;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The config records plugins contribute for polymorphic recipe sections. It is an ordinary
 * registry ({@code MapBinder} keyed {@code point/name}), so a name registered twice stops start-up
 * with both plugins named, and {@code seq2seq plugins} lists every entry.
 *
 * <pre>{@code
 * ConfigTypes.register(binder(), OptimizerConfig.class, "adam", AdamConfig.class);
 * ConfigTypes.register(binder(), TaskConfig.class, "translation", TranslationTask.class);
 * ConfigTypes.register(binder(), DataConfig.class, "translation", TranslationData.class);
 * }</pre>
 */
public final class ConfigTypes {
  private static final Pattern SHORT_NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  /** point interface → name → record, sorted by name for messages and docs. */
  private final Map<Class<?>, Map<String, Class<? extends Record>>> byPoint = new TreeMap<>(
      java.util.Comparator.comparing(Class::getName));

  @Inject
  public ConfigTypes(Map<String, ConfigType> registered) {
    this(registered.values());
  }

  public ConfigTypes(Collection<ConfigType> registered) {
    for (ConfigType t : registered) {
      byPoint.computeIfAbsent(t.point(), k -> new TreeMap<>()).put(t.name(), t.type());
    }
  }

  /** Declares the (possibly empty) registry, so that injecting {@link ConfigTypes} always works. */
  public static MapBinder<String, ConfigType> declare(Binder binder) {
    return Registries.registry(binder, ConfigType.class);
  }

  /** Registers {@code type} under {@code name} for sections typed {@code point}. */
  public static <P> void register(
      Binder binder, Class<P> point, String name, Class<? extends Record> type) {
    ConfigType entry = check(point, name, type);
    declare(binder).addBinding(entry.key()).toInstance(entry);
  }

  /** The records registered for {@code point}, by name (sorted). */
  public Map<String, Class<? extends Record>> typesOf(Class<?> point) {
    return byPoint.getOrDefault(point, Map.of());
  }

  public Optional<Class<? extends Record>> find(Class<?> point, String name) {
    return Optional.ofNullable(typesOf(point).get(name));
  }

  /** {@code optimizer} for {@code @ExtensionPoint("optimizer") interface OptimizerConfig}. */
  public static String pointName(Class<?> point) {
    ExtensionPoint ep = point.getAnnotation(ExtensionPoint.class);
    return ep != null ? ep.value() : point.getSimpleName();
  }

  /** Whether {@code type} is a polymorphic config point (an annotated interface). */
  public static boolean isPoint(Class<?> type) {
    return type.isInterface() && type.isAnnotationPresent(ExtensionPoint.class);
  }

  static ConfigType check(Class<?> point, String name, Class<? extends Record> type) {
    if (!isPoint(point)) {
      throw new IllegalArgumentException(
          point.getName() + " must be an interface annotated with @ExtensionPoint");
    }
    if (!SHORT_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "config type name '" + name + "' must be lower case letters, digits, '-' or '_'");
    }
    if (!type.isRecord() || !point.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          type.getName() + " must be a record implementing " + point.getName());
    }
    return new ConfigType(point, name, type);
  }
}
