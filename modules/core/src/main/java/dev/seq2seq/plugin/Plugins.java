package dev.seq2seq.plugin;

import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.multibindings.MapBinderBinding;
import com.google.inject.multibindings.MultibinderBinding;
import com.google.inject.multibindings.MultibindingsTargetVisitor;
import com.google.inject.multibindings.OptionalBinderBinding;
import com.google.inject.spi.DefaultBindingTargetVisitor;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The set of plugins in use and the injector built from their modules.
 *
 * <p>Start-up reads every plugin's bindings with Guice's SPI before building the injector, so a
 * name registered twice is reported with both plugins named (Guice alone would only say that a
 * map key is duplicated).
 */
public final class Plugins {
  private final List<Plugin> plugins;
  private final Map<String, Map<String, String>> registryOwners;
  private final Injector injector;

  private Plugins(
      List<Plugin> plugins, Map<String, Map<String, String>> registryOwners, Injector injector) {
    this.plugins = plugins;
    this.registryOwners = registryOwners;
    this.injector = injector;
  }

  /** Finds every plugin on the class path of {@code loader}. */
  public static Plugins discover(ClassLoader loader) {
    List<Plugin> found = new ArrayList<>();
    try {
      for (Plugin p : ServiceLoader.load(Plugin.class, loader)) {
        found.add(p);
      }
    } catch (ServiceConfigurationError e) {
      throw new PluginException("a plugin on the class path could not be loaded: " + e.getMessage(), e);
    }
    return of(found);
  }

  /** Starts exactly these plugins (tests use this to assemble a plugin set by hand). */
  public static Plugins of(List<Plugin> plugins) {
    List<Plugin> sorted = new ArrayList<>(plugins);
    sorted.sort(Comparator.comparing(Plugin::name));
    Map<String, Plugin> byName = new LinkedHashMap<>();
    for (Plugin p : sorted) {
      Plugin previous = byName.putIfAbsent(p.name(), p);
      if (previous != null) {
        throw new PluginException(
            "two plugins are named '" + p.name() + "': " + previous.getClass().getName()
                + " and " + p.getClass().getName());
      }
    }

    // registry -> short name -> plugin name
    Map<String, Map<String, String>> owners = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    List<Element> all = new ArrayList<>(Elements.getElements(new CoreModule()));
    collectRegistrations("core", all, owners, problems);
    for (Plugin p : sorted) {
      List<Element> elements;
      try {
        elements = Elements.getElements(p.module());
      } catch (RuntimeException e) {
        throw new PluginException(
            "plugin '" + p.name() + "' failed to configure: " + e.getMessage(), e);
      }
      collectRegistrations(p.name(), elements, owners, problems);
      all.addAll(elements);
    }
    if (!problems.isEmpty()) {
      throw new PluginException(String.join("\n", problems));
    }
    Injector injector;
    try {
      injector = Guice.createInjector(Elements.getModule(all));
    } catch (RuntimeException e) {
      throw new PluginException("plugins could not be wired: " + e.getMessage(), e);
    }
    return new Plugins(List.copyOf(sorted), owners, injector);
  }

  /** Records which plugin registered each name, and every name registered twice. */
  private static void collectRegistrations(
      String plugin,
      List<Element> elements,
      Map<String, Map<String, String>> owners,
      List<String> problems) {
    for (Element element : elements) {
      if (element instanceof Message message) {
        // A module that threw while binding: report it against its plugin, not as a Guice trace.
        problems.add("plugin '" + plugin + "' failed to configure: " + message.getMessage());
        continue;
      }
      if (!(element instanceof Binding<?> binding)) {
        continue;
      }
      MapBinderBinding<?> map = binding.acceptTargetVisitor(new MapFinder());
      if (map == null) {
        continue;
      }
      String registry = Registries.registryName(map.getValueTypeLiteral().getRawType());
      Map<String, String> names = owners.computeIfAbsent(registry, k -> new TreeMap<>());
      for (Map.Entry<?, Binding<?>> entry : map.getEntries(elements)) {
        String name = String.valueOf(entry.getKey());
        String previous = names.putIfAbsent(name, plugin);
        if (previous != null) {
          problems.add(
              registry + " '" + name + "' is registered by both plugin '" + previous
                  + "' and plugin '" + plugin + "'");
        }
      }
    }
  }

  public Injector injector() {
    return injector;
  }

  public List<Plugin> plugins() {
    return plugins;
  }

  /** For every registry, its registered names (sorted) and the plugin that registered each. */
  public Map<String, Map<String, String>> registries() {
    return registryOwners;
  }

  /** The registry for {@code type}: name to implementation, built by the injector. */
  @SuppressWarnings("unchecked")
  public <T> Map<String, T> registry(Class<T> type) {
    Key<Map<String, T>> key =
        (Key<Map<String, T>>)
            Key.get(com.google.inject.util.Types.mapOf(String.class, type));
    if (injector.getExistingBinding(key) == null) {
      return Map.of();
    }
    return injector.getInstance(key);
  }

  /** Recognises the binding of a registry's map among a module's elements. */
  private static final class MapFinder extends DefaultBindingTargetVisitor<Object, MapBinderBinding<?>>
      implements MultibindingsTargetVisitor<Object, MapBinderBinding<?>> {
    @Override
    public MapBinderBinding<?> visit(MapBinderBinding<? extends Object> mapBinding) {
      return mapBinding;
    }

    @Override
    public MapBinderBinding<?> visit(MultibinderBinding<? extends Object> multibinding) {
      return null;
    }

    @Override
    public MapBinderBinding<?> visit(OptionalBinderBinding<? extends Object> optionalbinding) {
      return null;
    }

    @Override
    protected MapBinderBinding<?> visitOther(Binding<? extends Object> binding) {
      return null;
    }
  }
}
