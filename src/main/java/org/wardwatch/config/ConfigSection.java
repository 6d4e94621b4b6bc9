package org.wardwatch.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Typed, validating reads of one section of the node configuration. Every failure names the full key (for example
 * {@code devices.port}) so an operator can fix the file without reading code. A document's sections remember every
 * key read from them, so that a key no setting reads, a misspelt one, is refused ({@link #requireNoOtherKeys}) rather
 * than silently ignored.
 */
public final class ConfigSection {

  private final JsonObject json;
  private final String path;
  /** The full keys read so far from this section's document, shared by all of its sections. */
  private final Set<String> read;

  public ConfigSection(JsonObject json, String path) {
    this(json, path, new HashSet<>());
  }

  private ConfigSection(JsonObject json, String path, Set<String> read) {
    this.json = json == null ? new JsonObject() : json;
    this.path = path;
    this.read = read;
  }

  /** The nested section {@code name}; an absent section reads as empty, so every key takes its default. */
  public ConfigSection section(String name) {
    Object value = value(name);
    if (value != null && !(value instanceof JsonObject)) {
      throw invalid(name, "must be an object", value);
    }
    return new ConfigSection((JsonObject) value, key(name), read);
  }

  /**
   * Refuses the document when it still has {@code name}, a setting of earlier versions that is gone, saying why
   * ({@code instead}) rather than taking it for a misspelling.
   */
  public void refuseRetired(String name, String instead) {
    read.add(key(name));
    if (value(name) != null) {
      throw new ConfigException(key(name) + " is no longer a setting: " + instead + "; remove it");
    }
  }

  /**
   * Refuses the document when it has a key no setting has read (call once every setting is read), naming each, e.g.
   * {@code simulator.enable}: a misspelt setting would otherwise leave its default in force without a word.
   */
  public void requireNoOtherKeys() {
    List<String> unknown = new ArrayList<>();
    collectUnread(json, path, unknown);
    if (!unknown.isEmpty()) {
      throw new ConfigException("unknown setting(s) " + String.join(", ", unknown)
          + ": misspelt? (README.md lists every setting)");
    }
  }

  private void collectUnread(JsonObject section, String sectionPath, List<String> unknown) {
    for (String name : section.fieldNames()) {
      String key = sectionPath.isEmpty() ? name : sectionPath + "." + name;
      if (!read.contains(key)) {
        unknown.add(key);
      } else if (section.getValue(name) instanceof JsonObject nested) {
        collectUnread(nested, key, unknown);
      }
    }
  }

  public int integer(String name, int defaultValue, int min, int max) {
    Object value = value(name);
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
    Object value = value(name);
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
    Object value = value(name);
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
    Object value = value(name);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof String text) || !text.matches(pattern)) {
      throw invalid(name, "must be a string matching " + pattern, value);
    }
    return text;
  }

  /**
   * A list of strings each matching {@code pattern}, or {@code defaultValue} when absent; an entry that does not is
   * refused as not {@code expected} (e.g. {@code "host:port"}).
   */
  public List<String> strings(String name, List<String> defaultValue, String pattern, String expected) {
    Object value = value(name);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof JsonArray array) || array.stream().anyMatch(item -> !(item instanceof String))) {
      throw invalid(name, "must be a list of strings", value);
    }
    List<String> entries = array.stream().map(String.class::cast).toList();
    entries.stream().filter(entry -> !entry.matches(pattern)).findFirst().ifPresent(entry -> {
      throw invalid(name, "each entry must be " + expected, "'" + entry + "'");
    });
    return entries;
  }

  /**
   * The path of a file that must exist and be readable (checked now, so a node never starts without it), or
   * {@code null} when absent.
   */
  public String readableFile(String name) {
    String file = string(name, null, ".+");
    if (file != null && !Files.isReadable(Path.of(file))) {
      throw invalid(name, "must name a readable file", file);
    }
    return file;
  }

  /** The full key of this section, e.g. {@code devices.tls}. */
  public String path() {
    return path;
  }

  /** The value of {@code name}, now read. */
  private Object value(String name) {
    read.add(key(name));
    return json.getValue(name);
  }

  private String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private ConfigException invalid(String name, String expectation, Object value) {
    return new ConfigException(key(name) + ": " + expectation + ", got " + value);
  }
}
