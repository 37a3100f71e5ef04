package dev.seq2seq.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.backend.BackendProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginsTest {

  @ExtensionPoint("greeter")
  public interface Greeter {
    String greet();
  }

  public static final class Hello implements Greeter {
    @Override
    public String greet() {
      return "hello";
    }
  }

  public static final class Bonjour implements Greeter {
    @Override
    public String greet() {
      return "bonjour";
    }
  }

  /** Not an extension point: registering it must be refused. */
  public interface Unmarked {}

  static Plugin plugin(String name, Module module) {
    return new Plugin() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return "test plugin " + name;
      }

      @Override
      public Module module() {
        return module;
      }
    };
  }

  static Module registering(String shortName, Class<? extends Greeter> impl) {
    return new AbstractModule() {
      @Override
      protected void configure() {
        Registries.register(binder(), Greeter.class, shortName, impl);
      }
    };
  }

  @Test
  void registriesAreInjectableMapsKeyedByShortName() {
    Plugins plugins =
        Plugins.of(
            List.of(plugin("en", registering("hello", Hello.class)),
                plugin("fr", registering("bonjour", Bonjour.class))));

    Map<String, Greeter> greeters = plugins.registry(Greeter.class);
    assertThat(greeters).containsOnlyKeys("hello", "bonjour");
    assertThat(greeters.get("bonjour").greet()).isEqualTo("bonjour");
    assertThat(plugins.registries().get("greeter"))
        .containsEntry("hello", "en")
        .containsEntry("bonjour", "fr");
  }

  @Test
  void duplicateNameAcrossPluginsNamesBothPlugins() {
    assertThatThrownBy(
            () ->
                Plugins.of(
                    List.of(plugin("english", registering("hello", Hello.class)),
                        plugin("french", registering("hello", Bonjour.class)))))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("greeter 'hello'")
        .hasMessageContaining("plugin 'english'")
        .hasMessageContaining("plugin 'french'");
  }

  @Test
  void twoPluginsWithTheSameNameAreRefused() {
    assertThatThrownBy(
            () ->
                Plugins.of(
                    List.of(plugin("same", registering("a", Hello.class)),
                        plugin("same", registering("b", Bonjour.class)))))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("two plugins are named 'same'");
  }

  @Test
  void coreRegistriesExistEvenWhenEmpty() {
    Plugins plugins = Plugins.of(List.of());
    assertThat(plugins.registry(BackendProvider.class)).isEmpty();
    assertThat(plugins.registries()).containsKey("backend");
  }

  @Test
  void badShortNamesAndUnmarkedTypesAreRefused() {
    assertThatThrownBy(() -> Plugins.of(List.of(plugin("p", registering("Hello World", Hello.class)))))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("'Hello World'");
    Module unmarked =
        new AbstractModule() {
          @Override
          protected void configure() {
            Registries.registry(binder(), Unmarked.class);
          }
        };
    assertThatThrownBy(() -> Plugins.of(List.of(plugin("p", unmarked))))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("not an extension point");
  }

  @Test
  void discoversPluginsWithServiceLoader() {
    Plugins plugins = Plugins.discover(getClass().getClassLoader());
    assertThat(plugins.plugins()).extracting(Plugin::name).contains("test-greeters");
    assertThat(plugins.registry(Greeter.class)).containsKey("hello");
  }
}
