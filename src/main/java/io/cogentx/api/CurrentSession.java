package io.cogentx.api;

import io.cogentx.session.Session;
import jakarta.enterprise.context.RequestScoped;

/** The session of the request being served, set by {@link SessionFilter}. */
@RequestScoped
public class CurrentSession {

  private Session session;

  public Session get() {
    if (session == null) {
      throw new IllegalStateException(
          "no session resolved for this request (missing @SessionBound?)");
    }
    return session;
  }

  void set(Session session) {
    this.session = session;
  }
}
