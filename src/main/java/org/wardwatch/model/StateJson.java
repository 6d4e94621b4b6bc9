package org.wardwatch.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reading the fields of a stored state (a patient's state handed from one node to another): each getter refuses a
 * missing field, or one that is not an instant, duration, decimal or enum name as it should be, with an
 * {@link IllegalArgumentException} that names it. (A field of another JSON type than the getter's, say a number where
 * an object should be, throws Vert.x's {@link ClassCastException}.) The reader of a whole state turns any of these into
 * one "malformed state" refusal.
 *
 * <p>Conventions of the state format, which these getters read: instants as ISO-8601 strings, durations as ISO-8601
 * durations ({@code PT10S}), decimals as strings (so that {@code 2.50} keeps its scale, which a JSON number decoded as
 * a double would lose), enums by name. Stateless and thread-safe.
 */
public final class StateJson {

  private StateJson() {
  }

  /** {@code value}, read from {@code field}, which a state must have. */
  public static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("'" + field + "' is missing");
    }
    return value;
  }

  public static String string(JsonObject json, String field) {
    return required(json.getString(field), field);
  }

  public static Instant instant(JsonObject json, String field) {
    return required(optionalInstant(json, field), field);
  }

  /** The instant in {@code field}, or {@code null} when there is none. */
  public static Instant optionalInstant(JsonObject json, String field) {
    try {
      return json.getInstant(field);
    } catch (DateTimeException | ClassCastException e) {
      throw new IllegalArgumentException("'" + field + "' must be an ISO-8601 instant, got " + json.getValue(field));
    }
  }

  public static Duration duration(JsonObject json, String field) {
    return required(optionalDuration(json, field), field);
  }

  /** The duration in {@code field}, or {@code null} when there is none. */
  public static Duration optionalDuration(JsonObject json, String field) {
    String text = json.getString(field);
    try {
      return text == null ? null : Duration.parse(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + field + "' must be an ISO-8601 duration, got " + text);
    }
  }

  /** A decimal written as a string ({@code "2.50"}), scale kept. */
  public static BigDecimal decimal(JsonObject json, String field) {
    String text = string(json, field);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + field + "' must be a decimal, got " + text);
    }
  }

  public static <E extends Enum<E>> E enumValue(Class<E> type, JsonObject json, String field) {
    return named(type, string(json, field), field);
  }

  /** The constant of {@code type} called {@code name}, read from {@code field}. */
  public static <E extends Enum<E>> E named(Class<E> type, Object name, String field) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("'" + field + "' must be one of " + List.of(type.getEnumConstants())
        + ", got " + name);
  }

  public static boolean bool(JsonObject json, String field) {
    return required(json.getBoolean(field), field);
  }

  public static JsonObject object(JsonObject json, String field) {
    return required(json.getJsonObject(field), field);
  }

  public static JsonArray array(JsonObject json, String field) {
    return required(json.getJsonArray(field), field);
  }

  /** The elements of the array {@code field}, each of which must be an object. */
  public static List<JsonObject> objects(JsonObject json, String field) {
    List<JsonObject> objects = new ArrayList<>();
    for (Object element : array(json, field)) {
      if (!(element instanceof JsonObject object)) {
        throw new IllegalArgumentException("'" + field + "' must hold objects, got " + element);
      }
      objects.add(object);
    }
    return objects;
  }

  /** {@code values} as an object keyed by each enum constant's name, each value written by {@code toState}. */
  public static <K extends Enum<K>, V> JsonObject byName(Map<K, V> values, Function<V, JsonObject> toState) {
    JsonObject json = new JsonObject();
    values.forEach((key, value) -> json.put(key.name(), toState.apply(value)));
    return json;
  }

  /** Reads the object {@code field}, written by {@link #byName}, into {@code into}, each value by {@code fromState}. */
  public static <K extends Enum<K>, V> void readByName(JsonObject json, String field, Class<K> type, Map<K, V> into,
      Function<JsonObject, V> fromState) {
    JsonObject byName = object(json, field);
    byName.fieldNames().forEach(name -> into.put(named(type, name, field), fromState.apply(object(byName, name))));
  }
}
