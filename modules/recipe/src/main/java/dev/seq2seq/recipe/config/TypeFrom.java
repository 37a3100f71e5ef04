package dev.seq2seq.recipe.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A polymorphic section whose registered type is chosen by a sibling section's {@code type}
 * rather than by a {@code type} key of its own: {@code data} and {@code model} take the record the
 * task named in {@code task.type} registered for them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface TypeFrom {
  /** The sibling section whose {@code type} names the record, e.g. {@code task}. */
  String value();
}
