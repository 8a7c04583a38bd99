package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The participants list at 2,000 participants (its own in-memory database): pages of 50 by screening number with
 * links, search by screening number ignoring case, the status filter, the site picker offering only the user's
 * sites, refusals of bad parameters (400 naming the parameter) and of another site (403), and the number of SQL
 * statements a page costs, which must not grow with the participants on it.
 *
 * <p>The register: participants {@code PL-0000} to {@code PL-1999}; number {@code i} is at site B when {@code i % 3 ==
 * 2} (666 of them), else at site A (1,334); every fifth ({@code i % 5 == 4}) has ECOG 3, a screen failure (400, of
 * which 267 at A: i % 15 in {4, 9}), the others are eligible.
 */
@SpringBootTest(
    classes = ServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:participantslist;DB_CLOSE_DELAY=-1",
      "oligotrial.security.bcrypt-cost=4",
      "logging.level.root=warn"
    })
@AutoConfigureMockMvc
@Import(ParticipantsListTest.CountStatements.class)
class ParticipantsListTest {
  private static final String PASSWORD = "password-for-list-tests";
  private static final Pattern ROW = Pattern.compile("href=\"/participants/[0-9a-f-]{36}\">(PL-\\d{4})</a>");
  /** SQL statements prepared on the counting thread while {@link #counting} is set. */
  private static final AtomicInteger STATEMENTS = new AtomicInteger();
  private static volatile Thread counting;

  @Autowired MockMvc mvc;
  @Autowired Register register;

  /** Wraps the application's DataSource so that statements prepared by the test's own thread are counted. */
  @TestConfiguration
  static class CountStatements {
    @Bean
    static BeanPostProcessor countingDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource ds ? counted(ds) : bean;
        }
      };
    }
  }

  private static DataSource counted(DataSource ds) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object r = invoke(ds, method, args);
          return r instanceof Connection c ? countedConnection(c) : r;
        });
  }

  private static Connection countedConnection(Connection c) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          String m = method.getName();
          if ((m.equals("prepareStatement") || m.equals("createStatement") || m.equals("prepareCall"))
              && Thread.currentThread() == counting) {
            STATEMENTS.incrementAndGet();
          }
          if (m.equals("unwrap") && args[0] == Connection.class) {
            return proxy;
          }
          return invoke(c, method, args);
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @BeforeEach
  void twoThousandParticipants() throws Exception {
    TestRegisters.twoSitesWithOneUserPerRole(register, PASSWORD);
    synchronized (ParticipantsListTest.class) {
      if (register.jdbc().sql("SELECT COUNT(*) FROM participant").query(Long.class).single() > 0) {
        return;
      }
      String example = java.nio.file.Files.readString(java.nio.file.Path.of("../examples/screening/eligible.json"));
      Actor a = actor("coord.a");
      Actor b = actor("coord.b");
      for (int i = 0; i < 2000; i++) {
        String number = String.format("PL-%04d", i);
        String record = example.replace("SCR-0001", number);
        if (i % 5 == 4) {
          record = record.replace("\"ecog\": 1", "\"ecog\": 3");
        }
        register.participants().register(i % 3 == 2 ? b : a, i % 3 == 2 ? "B" : "A", number, record);
      }
    }
  }

  private Actor actor(String user) {
    return register.users().find(user).orElseThrow().actor();
  }

  private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder req) throws Exception {
    return mvc.perform(signedIn(username, req)).andReturn().getResponse();
  }

  private MockHttpServletRequestBuilder signedIn(String username, MockHttpServletRequestBuilder req) {
    var u = register.users().find(username).orElseThrow();
    return req.with(user(username).password(PASSWORD).roles(u.role().name()));
  }

  private static List<String> rows(MockHttpServletResponse r) throws Exception {
    List<String> numbers = new ArrayList<>();
    Matcher m = ROW.matcher(r.getContentAsString());
    while (m.find()) {
      numbers.add(m.group(1));
    }
    return numbers;
  }

  /** The screening numbers at site A, in order: i with i % 3 != 2. */
  private static List<String> siteA() {
    List<String> a = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      if (i % 3 != 2) {
        a.add(String.format("PL-%04d", i));
      }
    }
    return a;
  }

  @Test
  void theFirstPageHoldsFiftyInScreeningNumberOrderWithLinksToTheOthers() throws Exception {
    MockHttpServletResponse r = as("coord.a", get("/participants"));
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(rows(r)).isEqualTo(siteA().subList(0, 50));
    String html = r.getContentAsString();
    // 1,334 at site A: 27 pages (26 x 50 + 34)
    assertThat(html).contains("1334 participants, page 1 of 27").contains("rel=\"next\"")
        .doesNotContain("rel=\"prev\"").contains("href=\"/participants?page=26\"")
        .contains("aria-current=\"page\">1<");
  }

  @Test
  void theLastPageHoldsTheRestAndAPagePastItSaysSo() throws Exception {
    MockHttpServletResponse last = as("coord.a", get("/participants").param("page", "26"));
    assertThat(rows(last)).isEqualTo(siteA().subList(1300, 1334)).hasSize(34);
    assertThat(last.getContentAsString()).contains("page 27 of 27").contains("rel=\"prev\"")
        .doesNotContain("rel=\"next\"");
    MockHttpServletResponse past = as("coord.a", get("/participants").param("page", "27"));
    assertThat(past.getStatus()).isEqualTo(200);
    assertThat(rows(past)).isEmpty();
    assertThat(past.getContentAsString()).contains("Page 28 is past the last page (27).")
        .contains("href=\"/participants?page=26\"");
  }

  @Test
  void searchFindsScreeningNumbersContainingTheTextIgnoringCase() throws Exception {
    // "pl-012" is in PL-0120 to PL-0129; of those, site A holds i % 3 != 2: 120, 121, 123, 124, 126, 127, 129
    assertThat(rows(as("coord.a", get("/participants").param("q", "pl-012"))))
        .containsExactly("PL-0120", "PL-0121", "PL-0123", "PL-0124", "PL-0126", "PL-0127", "PL-0129");
    // the statistician reads both sites: all ten
    assertThat(rows(as("stat", get("/participants").param("q", "PL-012")))).hasSize(10);
    // LIKE's wildcards are searched for as text
    assertThat(rows(as("stat", get("/participants").param("q", "PL_0")))).isEmpty();
    assertThat(as("stat", get("/participants").param("q", "%")).getContentAsString())
        .contains("No participant matches.");
  }

  @Test
  void theStatusFilterAndTheSearchCombine() throws Exception {
    MockHttpServletResponse failed = as("coord.a", get("/participants").param("status", "screen-failed"));
    // i % 5 == 4 and i % 3 != 2: i % 15 in {4, 9}, 2 in every 15 of 1,995 (266) plus i = 1999 (1999 % 15 = 4)
    assertThat(failed.getContentAsString()).contains("267 participants, page 1 of 6")
        .contains("href=\"/participants?status=SCREEN_FAILED&amp;page=1\"");
    assertThat(rows(as("coord.a", get("/participants").param("status", "SCREEN_FAILED").param("q", "pl-01"))))
        // PL-0100 to PL-0199 with i % 15 in {4, 9}
        .containsExactly("PL-0109", "PL-0114", "PL-0124", "PL-0129", "PL-0139", "PL-0144", "PL-0154", "PL-0159",
            "PL-0169", "PL-0174", "PL-0184", "PL-0189", "PL-0199");
  }

  @Test
  void theSitePickerOffersOnlyTheUsersSitesAndTakesAnyCase() throws Exception {
    String coord = as("coord.a", get("/participants")).getContentAsString();
    assertThat(coord).contains("<option value=\"A\">A</option>").doesNotContain("<option value=\"B\"");
    String stat = as("stat", get("/participants")).getContentAsString();
    assertThat(stat).contains("<option value=\"A\">A</option>").contains("<option value=\"B\">B</option>");
    MockHttpServletResponse b = as("stat", get("/participants").param("site", "b"));
    assertThat(b.getContentAsString()).contains("666 participants")
        .contains("<option value=\"B\" selected=\"selected\">B</option>");
    assertThat(rows(b)).allMatch(n -> Integer.parseInt(n.substring(3)) % 3 == 2);
  }

  @Test
  void aCoordinatorCannotPickAnotherSite() throws Exception {
    MockHttpServletResponse r = as("coord.a", get("/participants").param("site", "B"));
    assertThat(r.getStatus()).isEqualTo(403);
    assertThat(r.getContentAsString()).doesNotContain("PL-0002");
    assertThat(as("coord.a", get("/participants").param("site", "b")).getStatus()).isEqualTo(403);
  }

  @Test
  void badParametersAre400NamingTheParameter() throws Exception {
    refused(as("coord.a", get("/participants").param("page", "-1")), "page: must be 0 or more");
    refused(as("coord.a", get("/participants").param("status", "sleeping")), "status: is not a participant status");
    // the statuses in words, as the filter shows them, not their codes
    assertThat(as("coord.a", get("/participants").param("status", "sleeping")).getContentAsString())
        .contains("screen failed").doesNotContain("screen_failed").doesNotContain("SCREEN_FAILED");
    assertThat(as("coord.a", get("/participants").param("status", "screen failed")).getStatus()).isEqualTo(200);
    refused(as("stat", get("/participants").param("site", "ZZ")), "site: no site ZZ takes part in this trial");
    refused(as("coord.a", get("/participants").param("q", "x".repeat(65))), "q: is longer than a screening number");
    refused(as("coord.a", get("/participants").param("q", "PL\u0007")), "q: ");
    refused(as("coord.a", get("/participants").param("page", "two")), "The field &#39;page&#39;");
  }

  private static void refused(MockHttpServletResponse r, String message) throws Exception {
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContentAsString()).contains(message).doesNotContain("PL-0000");
  }

  /**
   * A page of 50 participants costs the same statements as a page of 7: the signed-in user, the trial, the page with
   * its count (one statement), none per participant.
   */
  @Test
  void aPageOfFiftyCostsABoundedNumberOfStatements() throws Exception {
    as("coord.a", get("/participants")); // the first request of a user may warm caches
    int full = statements(signedIn("coord.a", get("/participants").param("page", "3")));
    int few = statements(signedIn("coord.a", get("/participants").param("q", "pl-012")));
    int stat = statements(signedIn("stat", get("/participants").param("page", "10")));
    // the account (4: the second-factor filter and the header share it), the actor on the trial (2), the header's
    // trials (2), the request's trial and protocol version (3), the page with its count (1)
    assertThat(full).isEqualTo(few).isLessThanOrEqualTo(12);
    // a role that reads every site: its picker lists the trial's sites (one statement more)
    assertThat(stat).isLessThanOrEqualTo(13);
  }

  /** coord.a reads 1,334 participants, coord.b 666: the same statements for both, none per participant. */
  @Test
  void theScreeningLogTheWorkListsAndTheDashboardCostNoStatementPerParticipant() throws Exception {
    for (String page : List.of("/screening/log", "/data", "/dashboard")) {
      as("coord.a", get(page));
      as("coord.b", get(page));
      int a = statements(signedIn("coord.a", get(page)));
      int b = statements(signedIn("coord.b", get(page)));
      assertThat(a).as(page).isEqualTo(b).isLessThanOrEqualTo(20);
    }
  }

  /**
   * The data-management work lists show their count and the first 50 by screening number, then a link to the
   * participants list filtered by the status. coord.a: 1,334 participants at site A, 267 screen failures, so 1,067
   * eligible (waiting for consent); the first 50 eligible numbers at A are those i < 80 with i % 3 != 2 and
   * i % 5 != 4.
   */
  @Test
  void theWorkListsShowTheirCountAndTheFirstFiftyWithALinkToTheRest() throws Exception {
    String html = as("coord.a", get("/data")).getContentAsString();
    String eligible = html.substring(html.indexOf("Eligible, waiting for consent (1067)"));
    eligible = eligible.substring(0, eligible.indexOf("</section>"));
    List<String> expected = new ArrayList<>();
    for (int i = 0; expected.size() < 50; i++) {
      if (i % 3 != 2 && i % 5 != 4) {
        expected.add(String.format("PL-%04d", i));
      }
    }
    Matcher m = ROW.matcher(eligible);
    List<String> shown = new ArrayList<>();
    while (m.find()) {
      shown.add(m.group(1));
    }
    assertThat(shown).isEqualTo(expected);
    assertThat(eligible).contains("href=\"/participants?status=ELIGIBLE\"").contains("All 1067 in the participants list");
    assertThat(html).contains("Consented, waiting for randomization (0)");
  }

  /** The statements the request costs (the test's own look-ups made before). */
  private int statements(MockHttpServletRequestBuilder request) throws Exception {
    STATEMENTS.set(0);
    counting = Thread.currentThread();
    try {
      assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(200);
    } finally {
      counting = null;
    }
    return STATEMENTS.get();
  }
}
