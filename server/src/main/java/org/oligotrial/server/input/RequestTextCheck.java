package org.oligotrial.server.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.oligotrial.server.kernel.BadInputException;
import org.oligotrial.server.kernel.TextRules;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@link TextRules} for request parameters (query strings and the web application's form posts), checked once before
 * any controller runs: a refused value is a {@link BadInputException} naming the parameter, which the web pages show
 * as a 400 page and the REST API as a 400 problem document. Narrative parameters ({@link TextRules#isNarrative}) may
 * hold TAB, LF and CR. JSON bodies are checked while they are read ({@link StrictJsonConfiguration}). Also registers
 * {@link ApiAcceptCheck} (406 before an API operation runs, not after).
 */
@Configuration(proxyBeanMethods = false)
public class RequestTextCheck implements WebMvcConfigurer, HandlerInterceptor {
  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
    registry.addInterceptor(new ApiAcceptCheck());
  }

  @Override
  public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
    if (!(handler instanceof HandlerMethod)) {
      return true; // static resources read no parameters
    }
    for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
      String name = e.getKey();
      String why = TextRules.problem(name, false);
      if (why != null || name.length() > 200) {
        throw new BadInputException("?", "a parameter name " + (why == null ? "is too long" : why));
      }
      boolean multiLine = TextRules.isNarrative(name);
      for (String v : e.getValue()) {
        why = v == null ? null : TextRules.problem(v, multiLine);
        if (why != null) {
          throw new BadInputException(name, why);
        }
      }
    }
    return true;
  }
}
