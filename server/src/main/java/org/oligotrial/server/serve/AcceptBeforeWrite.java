package org.oligotrial.server.serve;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.oligotrial.server.security.Problems;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A changing API request ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) whose {@code Accept} header
 * admits no JSON is refused with 406 before it reaches its handler. Content negotiation otherwise happens when the
 * answer is written, after the change was committed: the caller would get 406 for a change that was made. Every
 * changing endpoint of the API answers JSON (or problem JSON), so nothing a caller can use is refused. A missing or
 * unreadable header is left to Spring (which treats it as any type, or answers 406 itself without writing).
 */
final class AcceptBeforeWrite extends OncePerRequestFilter {
  private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    String method = req.getMethod();
    String accept = req.getHeader("Accept");
    boolean changing = method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
        || method.equals("DELETE");
    if (changing && accept != null && !accept.isBlank() && !acceptsJson(accept)) {
      Problems.write(res, 406, "Not Acceptable", "this request answers application/json; send Accept:"
          + " application/json (nothing was changed)");
      return;
    }
    chain.doFilter(req, res);
  }

  private static boolean acceptsJson(String accept) {
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      return true; // left to Spring
    }
    for (MediaType t : types) {
      for (MediaType a : ANSWERS) {
        if (t.isCompatibleWith(a) && t.getQualityValue() > 0) {
          return true;
        }
      }
    }
    return false;
  }
}
