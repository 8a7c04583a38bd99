package org.oligotrial.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oligotrial.server.trial.RequestedTrial;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Maps the trial-scoped paths onto the single-trial handlers, so each handler serves every trial:
 *
 * <ul>
 *   <li>{@code /trials/{id}/rest} is served as {@code /rest} with {@code /trials/{id}} as the request's context path:
 *       links ({@code @{/...}} in the templates) and redirects ({@code redirect:/...}) made while serving it keep the
 *       prefix, so a page of trial B links only to trial B's pages. {@code /trials/{id}} alone redirects to
 *       {@code /trials/{id}/}.
 *   <li>{@code /api/v1/trials/{id}/rest} is served as {@code /api/v1/rest}.
 * </ul>
 *
 * The id is left in the request ({@link RequestedTrial}); a path without the prefix is the default trial's (the old
 * single-trial paths are its aliases). The filter runs before the security filters, which therefore apply the same
 * rules to both forms of a path; whether the user may see the trial at all is {@link TrialAccess}'s question. An id
 * outside {@code [A-Za-z0-9_-]{1,64}} is not taken as one (the path stays unknown: 404).
 */
public final class TrialPaths extends OncePerRequestFilter {
  private static final Pattern WEB = Pattern.compile("/trials/([A-Za-z0-9_-]{1,64})(/.*)?");
  private static final Pattern API = Pattern.compile("/api/v1/trials/([A-Za-z0-9_-]{1,64})(/.*)");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String context = request.getContextPath();
    String path = request.getRequestURI().substring(context.length());
    Matcher api = API.matcher(path);
    if (api.matches()) {
      request.setAttribute(RequestedTrial.ATTRIBUTE, api.group(1));
      chain.doFilter(new ApiPath(request, context + "/api/v1" + api.group(2)), response);
      return;
    }
    Matcher web = WEB.matcher(path);
    if (web.matches()) {
      if (web.group(2) == null) {
        response.sendRedirect(request.getRequestURI() + "/");
        return;
      }
      request.setAttribute(RequestedTrial.ATTRIBUTE, web.group(1));
      chain.doFilter(new WebPath(request, context + "/trials/" + web.group(1), web.group(2)), response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** A trial's page: the trial prefix becomes part of the context path, the URI stays as requested. */
  private static final class WebPath extends HttpServletRequestWrapper {
    private final String contextPath;
    private final String servletPath;

    WebPath(HttpServletRequest request, String contextPath, String servletPath) {
      super(request);
      this.contextPath = contextPath;
      this.servletPath = servletPath;
    }

    @Override
    public String getContextPath() {
      return contextPath;
    }

    @Override
    public String getServletPath() {
      return servletPath;
    }

    @Override
    public String getPathInfo() {
      return null;
    }
  }

  /** A trial's API call: served as the single-trial path. */
  private static final class ApiPath extends HttpServletRequestWrapper {
    private final String uri;

    ApiPath(HttpServletRequest request, String uri) {
      super(request);
      this.uri = uri;
    }

    @Override
    public String getRequestURI() {
      return uri;
    }

    @Override
    public StringBuffer getRequestURL() {
      StringBuffer url = new StringBuffer();
      url.append(getScheme()).append("://").append(getServerName());
      int port = getServerPort();
      if (!("http".equals(getScheme()) && port == 80) && !("https".equals(getScheme()) && port == 443)) {
        url.append(':').append(port);
      }
      return url.append(uri);
    }

    @Override
    public String getServletPath() {
      return uri.substring(getContextPath().length());
    }

    @Override
    public String getPathInfo() {
      return null;
    }
  }
}
