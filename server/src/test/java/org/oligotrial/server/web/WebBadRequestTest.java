package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Requests the pages cannot take as they came (hand-made URLs, stale forms): a missing parameter, a parameter of the
 * wrong type, a method the page does not take. Each is a 4xx page naming the field, with the user still signed in,
 * never a 500 and never a stack trace.
 */
class WebBadRequestTest extends WebTestBase {

  private MvcResult as(String username, MockHttpServletRequestBuilder req) throws Exception {
    var u = register.users().find(username).orElseThrow();
    return mvc.perform(req.with(user(username).password(PASSWORD).roles(u.role().name()))).andReturn();
  }

  private static void friendly(MvcResult r, int status, String text) throws Exception {
    String body = r.getResponse().getContentAsString();
    assertThat(r.getResponse().getStatus()).as(body).isEqualTo(status);
    assertThat(body).contains(text).contains("Not possible").contains("coord.a")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aMissingParameterIsA400NamingIt() throws Exception {
    String id = register.participants().register(actor("coord.a"), "A", "BADREQ-1", eligibleRecord("BADREQ-1"))
        .participant().id();
    friendly(as("coord.a", post("/participants/" + id + "/forms").with(csrf()).param("date", "2026-01-05")), 400,
        "missing the field &#39;type&#39;");
    friendly(as("coord.a", get("/participants/" + id + "/forms/new")), 400, "missing the field &#39;type&#39;");
  }

  @Test
  void aParameterOfTheWrongTypeIsA400NamingIt() throws Exception {
    friendly(as("coord.a", get("/participants").param("page", "abc")), 400,
        "The field &#39;page&#39; does not take the value given");
  }

  @Test
  void aMethodThePageDoesNotTakeIsA405WithoutAStackTrace() throws Exception {
    // no page handles it, so the application-wide problem response answers (as for the REST API)
    MvcResult r = as("coord.a", put("/dashboard").with(csrf()));
    assertThat(r.getResponse().getStatus()).isEqualTo(405);
    assertThat(r.getResponse().getContentAsString()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void theSameRequestsStillWorkWhenWellFormed() throws Exception {
    assertThat(as("coord.a", get("/participants").param("page", "0")).getResponse().getStatus()).isEqualTo(200);
  }
}
