package dev.seq2seq.recipe;

import com.google.inject.Binding;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.util.Types;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The names registered for an extension point, for {@code @Registered} fields such as {@code
 * backend.type}. It reads the registry's map of providers, so checking a recipe never creates a
 * backend.
 */
public final class RegistryNames implements Function<Class<?>, Set<String>> {
  private final Injector injector;

  @Inject
  public RegistryNames(Injector injector) {
    this.injector = injector;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Set<String> apply(Class<?> point) {
    Key<Map<String, ?>> key = (Key<Map<String, ?>>)
        Key.get(Types.mapOf(String.class, Types.providerOf(point)));
    Binding<Map<String, ?>> binding = injector.getExistingBinding(key);
    return binding == null ? Set.of() : new TreeSet<>(binding.getProvider().get().keySet());
  }
}
