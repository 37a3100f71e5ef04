package dev.seq2seq.recipe.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the binder, the printer and the docs know about a config record: its fields under their
 * YAML names (snake_case of the component names), their types, defaults and constraints. Built
 * once per class; a record that breaks the rules (a field without {@code @Doc}, an unsupported
 * type) fails here, which a test over every registered record turns into a build failure.
 */
public record Schema(Class<? extends Record> type, String doc, List<Field> fields,
    Constructor<?> constructor) {

  private static final ClassValue<Schema> CACHE = new ClassValue<>() {
    @Override
    @SuppressWarnings("unchecked")
    protected Schema computeValue(Class<?> type) {
      return build((Class<? extends Record>) type);
    }
  };

  private static final Set<Class<?>> BOXED =
      Set.of(Integer.class, Long.class, Double.class, Boolean.class);

  /** One record component as a YAML key. */
  public record Field(
      String name,
      RecordComponent component,
      Type type,
      String doc,
      String defaultText,
      Min min,
      Max max,
      boolean positive,
      List<String> oneOf,
      Class<?> registered,
      String typeFrom) {

    public Class<?> raw() {
      return Schema.raw(type);
    }

    /** Boxed numbers and booleans may be left out (null); everything else has a value. */
    public boolean optional() {
      return BOXED.contains(raw());
    }

    /** Left out, a nested record is built from its own defaults. */
    public boolean nestedRecord() {
      return raw().isRecord() || typeFrom != null;
    }

    public boolean required() {
      return defaultText == null && !optional() && !nestedRecord();
    }
  }

  public static Schema of(Class<? extends Record> type) {
    return CACHE.get(type);
  }

  public Field field(String name) {
    for (Field f : fields) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }

  public List<String> names() {
    return fields.stream().map(Field::name).toList();
  }

  /** {@code batchSize} → {@code batch_size}. */
  public static String yamlName(String component) {
    StringBuilder sb = new StringBuilder();
    for (char c : component.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  public static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalArgumentException("unsupported config type " + type);
  }

  /** The element type of {@code List<T>}, or the value type of {@code Map<String, T>}. */
  public static Type elementType(Type type) {
    ParameterizedType p = (ParameterizedType) type;
    Type[] args = p.getActualTypeArguments();
    if (raw(type) == Map.class && args[0] != String.class) {
      throw new IllegalArgumentException("config maps must have String keys: " + type);
    }
    return args[args.length - 1];
  }

  private static Schema build(Class<? extends Record> type) {
    Doc recordDoc = type.getAnnotation(Doc.class);
    List<Field> fields = new ArrayList<>();
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent rc = components[i];
      parameterTypes[i] = rc.getType();
      Doc doc = rc.getAnnotation(Doc.class);
      if (doc == null) {
        throw new IllegalStateException(
            type.getName() + "." + rc.getName() + " needs a @Doc description");
      }
      Default def = rc.getAnnotation(Default.class);
      OneOf oneOf = rc.getAnnotation(OneOf.class);
      Registered registered = rc.getAnnotation(Registered.class);
      TypeFrom typeFrom = rc.getAnnotation(TypeFrom.class);
      Field field = new Field(
          yamlName(rc.getName()), rc, rc.getGenericType(), doc.value(),
          def == null ? null : def.value(),
          rc.getAnnotation(Min.class), rc.getAnnotation(Max.class),
          rc.isAnnotationPresent(Positive.class),
          oneOf == null ? List.of() : List.of(oneOf.value()),
          registered == null ? null : registered.value(),
          typeFrom == null ? null : typeFrom.value());
      checkSupported(type, field, field.type());
      fields.add(field);
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
      constructor.setAccessible(true);
      return new Schema(type, recordDoc == null ? "" : recordDoc.value(), List.copyOf(fields),
          constructor);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
    }
  }

  private static void checkSupported(Class<?> owner, Field field, Type t) {
    Class<?> raw = raw(t);
    if (raw == List.class || raw == Map.class) {
      checkSupported(owner, field, elementType(t));
      return;
    }
    boolean ok = raw == String.class || raw == int.class || raw == long.class
        || raw == double.class || raw == boolean.class || BOXED.contains(raw)
        || raw.isEnum() || raw.isRecord() || raw == java.nio.file.Path.class
        || ConfigTypes.isPoint(raw);
    if (!ok) {
      throw new IllegalStateException(
          owner.getName() + "." + field.component().getName() + ": unsupported config type " + t);
    }
  }
}
