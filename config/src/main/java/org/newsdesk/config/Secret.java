package org.newsdesk.config;

/** A secret never prints itself; a record's toString would. */
public record Secret(String value) {
  public Secret {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("secret is blank");
  }

  @Override
  public String toString() {
    return "***";
  }
}
