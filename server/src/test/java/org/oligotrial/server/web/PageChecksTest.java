package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The browser tests' page checks fail on pages with known violations, and pass a clean page. The pages are small
 * HTML documents served here by the JDK's HTTP server; each holds one kind of fault, so each failure is the check's
 * own (the expected axe rule ids are those of axe-core's rule list: image-alt, button-name, color-contrast, label).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageChecksTest {
  private static final String HEAD = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Check</title>"
      + "<style>body{margin:0;font:16px sans-serif} button{min-width:24px;min-height:24px}</style></head><body>"
      + "<main><h1>Check</h1>";
  private static final String TAIL = "</main></body></html>";

  private static final Map<String, String> PAGES = Map.of(
      // a clean page: a link inside a sentence is exempt from the 24 px target size (WCAG 2.5.8, inline exception)
      "/clean.html", "<p>Read the <a href=\"/clean.html\">protocol</a> first.</p><button>Save</button>"
          + "<label for=\"n\">Name</label> <input id=\"n\">",
      // an image with no text alternative, a button with no name, grey #aaa on white (2.32:1), an unlabelled input
      "/axe.html", "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" width=\"20\" height=\"20\">"
          + "<button id=\"nameless\"></button><p style=\"color:#aaa\">Faint text</p><input id=\"bare\">",
      // a 900 px block on a 400 px screen
      "/wide.html", "<div id=\"wide\" style=\"width:900px\">wide</div>",
      // two 16 px buttons side by side, 4 px apart
      "/tiny.html", "<div><button id=\"t1\" style=\"min-width:0;min-height:0;width:16px;height:16px;padding:0\">"
          + "</button><button id=\"t2\" style=\"min-width:0;min-height:0;width:16px;height:16px;padding:0;"
          + "margin-left:4px\" aria-label=\"Second\"></button></div>",
      // an SVG with a fixed 900 px width and no viewBox in a 300 px box
      "/svg.html", "<div style=\"width:300px;overflow-x:auto\"><svg id=\"plot\" width=\"900\" height=\"100\" "
          + "role=\"img\" aria-label=\"Plot\"><rect width=\"900\" height=\"100\" fill=\"#fff\"/></svg></div>");

  private HttpServer server;
  private Browser b;

  @BeforeAll
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", x -> {
      String body = PAGES.get(x.getRequestURI().getPath());
      byte[] bytes = (body == null ? "" : HEAD + body + TAIL).getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      x.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream o = x.getResponseBody()) {
        o.write(bytes);
      }
    });
    server.start();
    b = new Browser("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterAll
  void stop() throws Exception {
    if (b != null) {
      b.close();
    }
    server.stop(0);
  }

  @Test
  void aCleanPagePasses() {
    assertThatCode(() -> b.open("/clean.html")).doesNotThrowAnyException();
  }

  @Test
  void axeViolationsAreListedWithRuleImpactTargetAndUrl() {
    assertThatThrownBy(() -> b.open("/axe.html"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("on http://127.0.0.1:" + server.getAddress().getPort() + "/axe.html")
        .hasMessageContaining("axe-core " + PageChecks.AXE_VERSION)
        .hasMessageContaining("image-alt (critical): img")
        .hasMessageContaining("button-name (critical): #nameless")
        .hasMessageContaining("color-contrast (serious)")
        .hasMessageContaining("label (critical): #bare");
  }

  @Test
  void horizontalScrollingAt400PxFails() {
    assertThatThrownBy(() -> b.open("/wide.html"))
        .hasMessageContaining("horizontal scrolling: the page is")
        .hasMessageContaining("in a 400 px viewport")
        .hasMessageContaining("#wide");
  }

  @Test
  void crowdedTargetsUnder24PxFail() {
    // both axe's own WCAG 2.2 rule (off by default in axe, run here by its tag wcag22aa) and the page check
    assertThatThrownBy(() -> b.open("/tiny.html"))
        .hasMessageContaining("target-size (serious): #t1")
        .hasMessageContaining("target size: #t1")
        .hasMessageContaining("16x16 px");
  }

  @Test
  void aFixedWidthSvgWithoutViewBoxFails() {
    assertThatThrownBy(() -> b.open("/svg.html"))
        .hasMessageContaining("figure: #plot has no viewBox")
        .hasMessageContaining("figure: #plot is 900 px wide in a box of 300 px");
  }

  @Test
  void aStateThatFailedIsCheckedAgainAndStillFails() {
    assertThatThrownBy(() -> b.open("/wide.html")).isInstanceOf(AssertionError.class);
    assertThat(catchFailure(() -> b.open("/wide.html"))).contains("horizontal scrolling");
  }

  private static String catchFailure(Runnable r) {
    try {
      r.run();
      return "";
    } catch (AssertionError e) {
      return e.getMessage();
    }
  }
}
