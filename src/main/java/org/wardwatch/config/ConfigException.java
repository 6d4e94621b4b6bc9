package org.wardwatch.config;

/** A configuration value is missing or invalid; the message names the key and what was expected. */
public class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }

  /**
   * A listening address that could not be bound, said with the setting of its port (what an operator changes, with
   * its host), e.g. {@code devices.port: cannot listen on 0.0.0.0:7000 (Address already in use): another program (or
   * node) may have it}.
   */
  public static ConfigException unbound(String setting, String host, int port, Throwable cause) {
    String why = String.valueOf(cause.getMessage());
    return new ConfigException(setting + ": cannot listen on " + host + ":" + port + " (" + why + ")"
        + (why.contains("already in use") ? ": another program (or node) may have it"
            : ": check the host setting too"));
  }
}
