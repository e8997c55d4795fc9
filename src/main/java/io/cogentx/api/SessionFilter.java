package io.cogentx.api;

import io.cogentx.application.AbuseLimits;
import io.cogentx.problem.ProblemType;
import io.cogentx.session.Session;
import io.cogentx.session.SessionId;
import io.cogentx.session.SessionRegistry;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Resolves the request's session from {@code X-Session-Id}: no header → a new session; a UUID v4 →
 * that session (created empty if unknown, as after a restart); anything else → 400. The id is
 * echoed in the response header. Operations marked {@link SessionQueryParameter} also take the id
 * as query parameter {@code session_id} (the header wins). A request that needs a new session is
 * counted against its client's rate of creating sessions (429 when it is over).
 */
@Provider
@SessionBound
@Priority(Priorities.AUTHENTICATION)
public class SessionFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String HEADER = "X-Session-Id";
  private static final String PROPERTY = Session.class.getName();

  @Inject SessionRegistry registry;
  @Inject CurrentSession current;
  @Inject AbuseLimits limits;
  @Inject ClientAddresses clients;
  @Context ResourceInfo resource;
  @Context HttpServletRequest http;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HEADER);
    String name = HEADER;
    if ((header == null || header.isBlank()) && takesQueryParameter()) {
      header = request.getUriInfo().getQueryParameters().getFirst(SessionQueryParameter.NAME);
      name = SessionQueryParameter.NAME;
    }
    Session session;
    if (header == null || header.isBlank()) {
      limits.admitNewSession(clients.of(http));
      session = registry.create();
    } else {
      String what = name;
      SessionId id =
          SessionId.parse(header.strip())
              .orElseThrow(
                  () ->
                      ProblemType.INVALID_SESSION_ID.exception(
                          what
                              + " must be a random UUID (version 4) such as"
                              + " 0b8e5c7e-3f5a-4d2b-9c1e-7a6f5e4d3c2b. Send none to get a new"
                              + " session."));
      if (registry.find(id).isEmpty()) {
        limits.admitNewSession(clients.of(http));
      }
      session = registry.getOrCreate(id);
    }
    current.set(session);
    request.setProperty(PROPERTY, session);
  }

  private boolean takesQueryParameter() {
    Method method = resource == null ? null : resource.getResourceMethod();
    return method != null && method.isAnnotationPresent(SessionQueryParameter.class);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(PROPERTY) instanceof Session session) {
      response.getHeaders().putSingle(HEADER, session.id().value());
    }
  }
}
