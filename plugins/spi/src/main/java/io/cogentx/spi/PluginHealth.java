package io.cogentx.spi;

import java.util.Map;
import java.util.Objects;

/**
 * What a plugin that uses an external service (a model server, a program) says about it. The
 * server's readiness check gathers every plugin's health: {@link Status#DOWN} makes the server
 * unready, {@link Status#DEGRADED} is reported without (the server works, less well: e.g. answers
 * become extractive while the model server is away).
 *
 * @param status how it is
 * @param message one sentence an operator can act on (e.g. the command that fixes it)
 * @param data details shown in the health data (no secrets)
 */
public record PluginHealth(Status status, String message, Map<String, String> data) {

  public enum Status {
    UP,
    DEGRADED,
    DOWN
  }

  public PluginHealth {
    Objects.requireNonNull(status, "status");
    message = message == null ? "" : message;
    data = Map.copyOf(data);
  }

  public static PluginHealth up(String message, Map<String, String> data) {
    return new PluginHealth(Status.UP, message, data);
  }

  public static PluginHealth degraded(String message, Map<String, String> data) {
    return new PluginHealth(Status.DEGRADED, message, data);
  }

  public static PluginHealth down(String message, Map<String, String> data) {
    return new PluginHealth(Status.DOWN, message, data);
  }

  /**
   * Implemented by a created plugin that can tell its health; the server asks on each health check,
   * so an answer that needs a network call should be cached by the plugin.
   */
  public interface Reporting {
    PluginHealth health();
  }
}
