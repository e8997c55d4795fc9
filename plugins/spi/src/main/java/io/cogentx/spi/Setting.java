package io.cogentx.spi;

import java.util.Objects;

/**
 * One setting a plugin reads, as it is documented and listed.
 *
 * @param name the configuration key, e.g. {@code OCR_LANGUAGES} (an environment variable, system
 *     property or {@code microprofile-config.properties} entry)
 * @param defaultValue what applies when it is not set ({@code ""} when there is none)
 * @param description what it does, in one sentence
 * @param secret whether its value must never be shown (API keys); listings say only whether it is
 *     set
 */
public record Setting(String name, String defaultValue, String description, boolean secret) {

  public Setting {
    Objects.requireNonNull(name, "name");
    defaultValue = defaultValue == null ? "" : defaultValue;
    Objects.requireNonNull(description, "description");
  }

  public static Setting of(String name, String defaultValue, String description) {
    return new Setting(name, defaultValue, description, false);
  }

  /** A setting whose value is never shown, e.g. an API key; it has no default. */
  public static Setting secret(String name, String description) {
    return new Setting(name, "", description, true);
  }

  public static Setting of(String name, int defaultValue, String description) {
    return of(name, Integer.toString(defaultValue), description);
  }
}
