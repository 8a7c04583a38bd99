package org.oligotrial.server.trial;

import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The trial a request addresses by its path: {@code /trials/{id}/...} for a web page, {@code /api/v1/trials/{id}/...}
 * for the API. The path filter of the security package ({@code TrialPaths}) strips the prefix, so the same handlers
 * serve both the trial's paths and the single-trial paths, and leaves the id here; a request without the prefix (the
 * single-trial paths, the aliases of the default trial) has none, and is the default trial's.
 */
public final class RequestedTrial {
  /** The request attribute that holds the id named by the path. */
  public static final String ATTRIBUTE = RequestedTrial.class.getName();

  private RequestedTrial() {}

  /** The trial id the current request's path names, or empty for the single-trial paths (and outside a request). */
  public static Optional<String> id() {
    RequestAttributes r = RequestContextHolder.getRequestAttributes();
    return r == null ? Optional.empty()
        : Optional.ofNullable((String) r.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
  }

  /** The trial id the request addresses: the one its path names, else the default trial's. */
  public static String idOr(String defaultId) {
    return id().orElse(defaultId);
  }
}
