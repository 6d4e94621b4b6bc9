package org.wardwatch.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Typed, validating reads of one section of the node configuration. Every failure names the full key (for example
 * {@code devices.port}) so an operator can fix the file without reading code.
 */
public final class ConfigSection {

  private final JsonObject json;
  private final String path;

  public ConfigSection(JsonObject json, String path) {
    this.json = json == null ? new JsonObject() : json;
    this.path = path;
  }

  /** The nested section {@code name}; an absent section reads as empty, so every key takes its default. */
  public ConfigSection section(String name) {
    Object value = json.getValue(name);
    if (value != null && !(value instanceof JsonObject)) {
      throw invalid(name, "must be an object", value);
    }
    return new ConfigSection((JsonObject) value, key(name));
  }

  public int integer(String name, int defaultValue, int min, int max) {
    Object value = json.getValue(name);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Number number) || number.doubleValue() != number.intValue()
        || number.intValue() < min || number.intValue() > max) {
      throw invalid(name, "must be a whole number from " + min + " to " + max, value);
    }
    return number.intValue();
  }

  public long longValue(String name, long defaultValue, long min, long max) {
    Object value = json.getValue(name);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Number number) || number.doubleValue() != number.longValue()
        || number.longValue() < min || number.longValue() > max) {
      throw invalid(name, "must be a whole number from " + min + " to " + max, value);
    }
    return number.longValue();
  }

  public boolean bool(String name, boolean defaultValue) {
    Object value = json.getValue(name);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Boolean flag)) {
      throw invalid(name, "must be true or false", value);
    }
    return flag;
  }

  /** A string matching {@code pattern}, or {@code defaultValue} when absent (which may be {@code null}). */
  public String string(String name, String defaultValue, String pattern) {
    Object value = json.getValue(name);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof String text) || !text.matches(pattern)) {
      throw invalid(name, "must be a string matching " + pattern, value);
    }
    return text;
  }

  public List<String> strings(String name, List<String> defaultValue) {
    Object value = json.getValue(name);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof JsonArray array) || array.stream().anyMatch(item -> !(item instanceof String))) {
      throw invalid(name, "must be a list of strings", value);
    }
    return array.stream().map(String.class::cast).toList();
  }

  private String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private ConfigException invalid(String name, String expectation, Object value) {
    return new ConfigException(key(name) + ": " + expectation + ", got " + value);
  }
}
