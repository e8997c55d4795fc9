package io.cogentx.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Adds {@link WebUiHeaders} to responses for the web UI's files; API responses are untouched. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class WebUiHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (WebUiHeaders.isUiPath(path)) {
      WebUiHeaders.forPath(path).forEach(response::setHeader);
    }
    chain.doFilter(request, response);
  }
}
