package dev.seq2seq.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.seq2seq.plugin.Plugin;
import dev.seq2seq.plugin.PluginException;
import dev.seq2seq.plugin.Plugins;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.recipe.optim.AdamConfig;
import dev.seq2seq.recipe.optim.OptimizerConfig;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Registering config types: what plugins may register, and clashes between plugins. */
class ConfigTypesTest {

  static Plugin plugin(String name, Consumer<com.google.inject.Binder> body) {
    return new Plugin() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return "test";
      }

      @Override
      public Module module() {
        return new AbstractModule() {
          @Override
          protected void configure() {
            body.accept(binder());
          }
        };
      }
    };
  }

  record NotAnOptimizer(double lr) {}

  @Test
  void registeredTypesAreListedByPointAndName() {
    assertThat(EchoTask.types().typesOf(OptimizerConfig.class))
        .containsOnlyKeys("adam", "adamw", "sgd")
        .containsEntry("adam", AdamConfig.class);
    assertThat(EchoTask.plugins().registries().get("config type"))
        .containsEntry("optimizer/adam", "recipe")
        .containsEntry("task/echo", "task-echo");
  }

  @Test
  void aRecordThatDoesNotImplementThePointIsRejected() {
    Plugin bad = plugin("bad", b -> ConfigTypes.register(b, OptimizerConfig.class, "odd",
        NotAnOptimizer.class));
    assertThatThrownBy(() -> Plugins.of(List.of(new RecipePlugin(), bad)))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("plugin 'bad' failed to configure")
        .hasMessageContaining("must be a record implementing");
  }

  @Test
  void aNameRegisteredTwiceNamesBothPlugins() {
    Plugin clash = plugin("clash", b -> ConfigTypes.register(b, OptimizerConfig.class, "adam",
        AdamConfig.class));
    assertThatThrownBy(() -> Plugins.of(List.of(new RecipePlugin(), clash)))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("'optimizer/adam' is registered by both plugin 'clash' and plugin 'recipe'");
  }
}
