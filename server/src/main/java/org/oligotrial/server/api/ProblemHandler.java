package org.oligotrial.server.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.oligotrial.server.kernel.BadInputException;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.DateRuleException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.PreconditionRequiredException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.serve.RequestSizeLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception into an RFC 9457 problem document: 400 for malformed or invalid requests (naming the field,
 * see {@link JsonBodyProblem}) and for dates that break a date rule (naming the field and both dates), 422 for input
 * the register refuses, 409 for conflicts, 428 for a change that does not say which version it was made to, 403
 * outside one's sites, 404 for unknown records, and 500
 * with only a reference number for anything unexpected. No stack trace or exception text reaches the caller.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, e.getMessage(), e.field());
  }

  @ExceptionHandler(DateRuleException.class)
  ProblemDetail dateRule(DateRuleException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
  }

  @ExceptionHandler(BadInputException.class)
  ProblemDetail badInput(BadInputException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
  }

  @ExceptionHandler(PreconditionRequiredException.class)
  ProblemDetail preconditionRequired(PreconditionRequiredException e) {
    return problem(HttpStatus.PRECONDITION_REQUIRED, e.getMessage(), e.field());
  }

  @ExceptionHandler(InvalidFieldException.class)
  ProblemDetail invalid(InvalidFieldException e) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), e.field());
  }

  @ExceptionHandler(RecordNotFoundException.class)
  ProblemDetail notFound(RecordNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage(), null);
  }

  @ExceptionHandler(SiteAccessDeniedException.class)
  ProblemDetail denied(SiteAccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, e.getMessage(), null);
  }

  @ExceptionHandler(AuthenticationException.class)
  ProblemDetail unauthenticated(AuthenticationException e) {
    return problem(HttpStatus.UNAUTHORIZED, "log in with HTTP Basic or an API token", null);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail integrity(DataIntegrityViolationException e) {
    LOG.info("refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
    return problem(HttpStatus.CONFLICT, "the change conflicts with stored data (a duplicate or a missing reference)",
        null);
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    String ref = UUID.randomUUID().toString();
    LOG.error("unexpected error, reference {}", ref, e);
    ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected error; reference " + ref, null);
    p.setProperty("reference", ref);
    return p;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
        .toList();
    String detail = errors.isEmpty() ? "invalid request"
        : errors.stream().map(m -> m.get("field") + ": " + m.get("message")).sorted()
            .reduce((a, b) -> a + "; " + b).orElseThrow();
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, detail, errors.isEmpty() ? null : errors.get(0).get("field"));
    p.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(p);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable t = ex; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof RequestSizeLimit.BodyTooLargeException big) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
            .body(problem(HttpStatus.CONTENT_TOO_LARGE, big.getMessage(), null));
      }
    }
    JsonBodyProblem why = JsonBodyProblem.of(ex);
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, why.detail(), why.field()));
  }

  private static ProblemDetail problem(HttpStatus status, String detail, String field) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("about:blank"));
    if (field != null) {
      p.setProperty("field", field);
    }
    return p;
  }
}
