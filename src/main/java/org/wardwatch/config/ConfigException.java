package org.wardwatch.config;

/** A configuration value is missing or invalid; the message names the key and what was expected. */
public class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }

  /**
   * A listening port that could not be bound, said with the setting that names it (what an operator changes), e.g.
   * {@code devices.port: cannot listen on 0.0.0.0:7000 (Address already in use); another program (or node) has it?}.
   */
  public static ConfigException unbound(String setting, String host, int port, Throwable cause) {
    return new ConfigException(setting + ": cannot listen on " + host + ":" + port + " (" + cause.getMessage()
        + "); another program (or node) has it?");
  }
}
