package org.oligotrial.server.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** Writes a minimal RFC 9457 problem document from servlet filters (before MVC is reached). */
public final class Problems {
  private Problems() {}

  /** Writes the problem as the response; {@code title} and {@code detail} are fixed text (not escaped). */
  public static void write(HttpServletResponse res, int status, String title, String detail) throws IOException {
    res.setStatus(status);
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail + "\"}");
  }
}
