package io.cogentx.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks GET operations that also take the session id as query parameter {@value #NAME}, for clients
 * that cannot set headers (a browser's {@code EventSource}). {@link SessionFilter} validates it
 * like the header; the header wins when both are present.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SessionQueryParameter {
  String NAME = "session_id";

  /** Its description in the OpenAPI document. */
  String DESCRIPTION =
      "the session id, for clients that cannot send X-Session-Id (the header wins)";
}
