package org.newsdesk.config;

/** A setting is missing or has a bad value; the message names the key and the value. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
