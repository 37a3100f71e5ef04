package dev.seq2seq.recipe.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The default of a config field, as the YAML text a recipe would write ({@code 0.001}, {@code
 * sentences}, {@code [bleu]}, {@code {type: adam}}). A field without a default is required unless
 * its type is boxed (then it is optional and may be null). Nested records without a default are
 * built from their own fields' defaults.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
  String value();
}
