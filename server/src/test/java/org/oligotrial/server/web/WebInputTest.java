package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.security.SecurityConfiguration;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The web pages' side of input hygiene: the Content-Security-Policy with no inline script anywhere, form parameters
 * under the same text rules as JSON, a post without its CSRF token shown as the 403 page, and addresses the firewall
 * refuses ({@code %2f}) as a 400 page rather than a server error.
 */
class WebInputTest extends WebTestBase {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private MvcResult as(String username, MockHttpServletRequestBuilder req) throws Exception {
    var u = register.users().find(username).orElseThrow();
    return mvc.perform(req.with(user(username).password(PASSWORD).roles(u.role().name()))).andReturn();
  }

  private String participant(String number) {
    return register.participants().register(actor("coord.a"), "A", number, eligibleRecord(number)).participant().id();
  }

  @Test
  void everyPageCarriesTheContentSecurityPolicyWithoutInlineScript() throws Exception {
    for (String page : List.of("/participants", "/dashboard", "/account/tokens")) {
      String csp = as("coord.a", get(page)).getResponse().getHeader("Content-Security-Policy");
      assertThat(csp).as(page).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY)
          .contains("script-src 'self';").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }
    assertThat(mvc.perform(get("/login")).andReturn().getResponse().getHeader("Content-Security-Policy"))
        .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    assertThat(mvc.perform(get("/js/app.js")).andReturn().getResponse().getStatus()).isEqualTo(200);
  }

  /** What the policy would block, looked for in every template: inline script, handlers, javascript: URLs, styles. */
  @Test
  void noTemplateHoldsInlineScriptHandlersOrStyles() throws IOException {
    Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    Pattern handler = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    Pattern style = Pattern.compile("<style|\\sstyle\\s*=|\\sth:style\\s*=", Pattern.CASE_INSENSITIVE);
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        String html = Files.readString(f);
        for (Pattern p : List.of(inlineScript, handler, style, Pattern.compile("javascript:"))) {
          Matcher m = p.matcher(html);
          while (m.find()) {
            found.add(f + ": " + m.group());
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void aFormParameterWithABidirectionalOverrideOrControlIsA400NamingIt() throws Exception {
    String id = participant("WEBIN-1");
    MvcResult r = as("coord.a", post("/participants/" + id + "/status").with(csrf()).param("to", "DIED")
        .param("reason", "died \u202etxt.exe"));
    assertThat(r.getResponse().getStatus()).isEqualTo(400);
    assertThat(r.getResponse().getContentAsString()).contains("reason").contains("bidirectional")
        .doesNotContain("Exception");
    MvcResult label = as("coord.a", post("/account/tokens").with(csrf()).param("label", "two\nlines"));
    assertThat(label.getResponse().getStatus()).isEqualTo(400);
    assertThat(label.getResponse().getContentAsString()).contains("label").contains("control character");
    assertThat(register.participants().history(actor("coord.a"), id).participant().status().name())
        .isNotEqualTo("DIED");
    // a reason over several lines is a narrative, and is taken
    MvcResult ok = as("coord.a", post("/participants/" + id + "/status").with(csrf()).param("to", "DIED")
        .param("reason", "died\nat home"));
    assertThat(ok.getResponse().getStatus()).isLessThan(400);
  }

  @Test
  void aPostWithoutItsCsrfTokenIsThe403PageAndChangesNothing() throws Exception {
    String id = participant("WEBIN-2");
    MvcResult r = as("coord.a", post("/participants/" + id + "/status").param("to", "DIED").param("reason", "x"));
    assertThat(r.getResponse().getStatus()).isEqualTo(403);
    assertThat(r.getResponse().getForwardedUrl()).isEqualTo("/denied");
    MvcResult page = as("coord.a", get("/denied").requestAttr("SPRING_SECURITY_403_EXCEPTION",
        new org.springframework.security.web.csrf.MissingCsrfTokenException("x")));
    assertThat(page.getResponse().getContentAsString()).contains("Not allowed").contains("security token")
        .contains("Nothing was saved").doesNotContain("The attempt has been recorded");
    MvcResult json = as("coord.a", post("/participants/" + id + "/status").param("to", "DIED")
        .header("Accept", "application/json"));
    assertThat(json.getResponse().getStatus()).isEqualTo(403);
    assertThat(json.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(json.getResponse().getContentAsString()).contains("CSRF token");
    assertThat(register.participants().history(actor("coord.a"), id).participant().status().name())
        .isNotEqualTo("DIED");
  }

  @Test
  void theCsrfRefusalIsThe403PageOverHttp() throws Exception {
    HttpResponse<String> r = http("POST", "/logout", "application/x-www-form-urlencoded", "text/html");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("Not allowed").contains("security token").doesNotContain("Exception")
        .doesNotContain("Whitelabel");
  }

  @Test
  void anEncodedSlashInThePathIsA400PageOrProblemNotAServerError() throws Exception {
    for (String path : List.of("/participants/a%2fb", "/participants/%2e%2e/x", "/participants/a%2F..%2Fb",
        "/a//b", "/participants;x=1")) {
      HttpResponse<String> page = http("GET", path, null, "text/html");
      assertThat(page.statusCode()).as(path).isIn(400, 404);
      assertThat(page.body()).as(path).doesNotContain("Exception").doesNotContain("\tat ");
    }
    HttpResponse<String> api = http("GET", "/api/v1/participants/a%2fb", null, "application/json");
    assertThat(api.statusCode()).isIn(400, 404);
    assertThat(api.body()).doesNotContain("Exception").contains("\"status\":" + api.statusCode());
  }

  private HttpResponse<String> http(String method, String path, String contentType, String accept)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString("a=b"));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
