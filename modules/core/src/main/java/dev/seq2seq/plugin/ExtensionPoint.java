package dev.seq2seq.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose implementations are registered by short name (a registry). The name
 * is what {@code seq2seq plugins} shows and what error messages call the registry.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExtensionPoint {
  /** The registry's name, singular: {@code backend}, {@code task}, {@code tokenizer}. */
  String value();
}
