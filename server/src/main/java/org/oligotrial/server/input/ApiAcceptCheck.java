package org.oligotrial.server.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses an API request whose {@code Accept} admits none of the answers the operation can give, with 406 before the
 * operation runs. Without it the operation ran (a change committed, an export audited) and only writing its answer
 * failed, so that the caller saw a refusal for a change that was made. An operation answers JSON (and problem
 * documents), and CSV when its mapping produces {@code text/csv} or it reads {@code Accept} itself. Decided once per
 * operation, not per request.
 */
final class ApiAcceptCheck implements HandlerInterceptor {
  private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
  private final Map<Method, List<MediaType>> answers = new ConcurrentHashMap<>();

  @Override
  public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler)
      throws HttpMediaTypeNotAcceptableException {
    String accept = req.getHeader("Accept");
    if (accept == null || accept.isBlank() || !(handler instanceof HandlerMethod hm)
        || !req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
      return true;
    }
    List<MediaType> can = answers.computeIfAbsent(hm.getMethod(), m -> answersOf(hm));
    List<MediaType> wanted;
    try {
      wanted = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      throw new HttpMediaTypeNotAcceptableException("the Accept header cannot be read");
    }
    for (MediaType w : wanted) {
      for (MediaType c : can) {
        if (w.isCompatibleWith(c)) {
          return true;
        }
      }
    }
    throw new HttpMediaTypeNotAcceptableException(can);
  }

  private static List<MediaType> answersOf(HandlerMethod hm) {
    List<MediaType> out = new ArrayList<>(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(hm.getMethod(), RequestMapping.class);
    if (mapping != null) {
      for (String p : mapping.produces()) {
        out.add(MediaType.parseMediaType(p));
      }
    }
    boolean negotiates = Arrays.stream(hm.getMethodParameters()).anyMatch(p -> {
      RequestHeader h = p.getParameterAnnotation(RequestHeader.class);
      return h != null && ("Accept".equalsIgnoreCase(h.value()) || "Accept".equalsIgnoreCase(h.name()));
    });
    if (negotiates) {
      out.add(TEXT_CSV);
    }
    return List.copyOf(out);
  }
}
