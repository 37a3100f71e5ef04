package dev.seq2seq.recipe.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The string must be a name registered in the registry of this {@code @ExtensionPoint} interface
 * ({@code backend.type} names a {@code BackendProvider}), checked when the recipe is loaded.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Registered {
  Class<?> value();
}
