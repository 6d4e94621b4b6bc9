package org.wardwatch.config;

/** A configuration value is missing or invalid; the message names the key and what was expected. */
public class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }
}
