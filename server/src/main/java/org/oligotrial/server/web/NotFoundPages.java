package org.oligotrial.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address that matches no page: the friendly 404 page for people, and the same problem document as before for
 * {@code /api/**} callers.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NotFoundPages {
  @ExceptionHandler(NoResourceFoundException.class)
  ModelAndView notFound(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
      res.setStatus(404);
      res.setContentType("application/problem+json");
      res.getOutputStream().write(("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no such resource\"}")
          .getBytes(StandardCharsets.UTF_8));
      return new ModelAndView();
    }
    ModelAndView mv = new ModelAndView("error/404");
    mv.setStatus(HttpStatus.NOT_FOUND);
    return mv;
  }
}
