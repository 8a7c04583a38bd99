package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

/**
 * An unexpected failure of a web page answers 500 with the generic error page and a reference number for the
 * support team, never a stack trace.
 */
class UnexpectedErrorPageTest {

  @Test
  void anUnexpectedFailureShowsTheGenericPageWithAReference() throws IOException {
    WebAdvice advice = new WebAdvice(null, null, null);
    MockHttpServletResponse res = new MockHttpServletResponse();
    ExtendedModelMap model = new ExtendedModelMap();

    String view = advice.failed(new IllegalStateException("internal detail"), res, model);

    assertThat(res.getStatus()).isEqualTo(500);
    assertThat(view).isEqualTo("error");
    assertThat(model.get("reference")).asString().matches("[0-9a-f]+");
    assertThat(model.asMap().values()).noneMatch(v -> String.valueOf(v).contains("internal detail"));
    String page = new ClassPathResource("templates/" + view + ".html").getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Something went wrong").contains("${reference}");
  }
}
