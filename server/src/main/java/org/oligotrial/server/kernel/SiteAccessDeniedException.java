package org.oligotrial.server.kernel;

/** The actor may not see or change that site's records (or may not do this at all); audited. Maps to HTTP 403. */
public class SiteAccessDeniedException extends RuntimeException {
  public SiteAccessDeniedException(String message) {
    super(message);
  }
}
