package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.FormField;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.RecordField;
import org.oligotrial.protocol.Visit;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.scope.TrialScopes;
import org.oligotrial.server.testing.TestRegisters;
import org.oligotrial.server.trial.TestProtocols;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every page of both trials, read by every role in a realistic state, shows people words: no protocol field key, no
 * record path, no form or visit id with its occurrence number ({@code tumour-assessment-year-1 #2}) and no enum
 * constant.
 *
 * <p>State, in each trial (NCT03119519 and SABR-COMET NCT01446744, one server): a candidate screened eligible, one
 * screened ineligible, one randomized with forms entered (last known alive, an adverse event, a serious adverse
 * event and, where the protocol has one, its report), a query raised by the data manager, one form signed. Pages:
 * the dashboard, the participants list, each participant's page, casebook and randomization record, each form's page
 * and change page, the blank page of each of the protocol's forms, the screening form and its live result, the
 * screening log, data management and reports (page and print), under {@code /trials/{id}}, and the DSMB report (page, print, look recorded). Roles: administrator, investigator,
 * coordinator, data manager, monitor and statistician of site A, the coordinator of site B and a DSMB member; a page
 * a role may not open (any status but 200) is skipped for that role.
 *
 * <p>Visible text: the body with scripts, styles, comments and tags removed (attributes go with their tags) and the
 * HTML entities decoded. Forbidden, built from the protocol files rather than by hand:
 * <ul>
 *   <li>field keys: every form field id and record field path (and its last part) that reads as code, i.e. has a
 *       capital inside it ({@code totalDoseGy}) or a dot ({@code diagnosis.histology}); a key that is a plain
 *       word ({@code date}, {@code ecog}) cannot be told from prose and is checked only as a record path
 *       followed by {@code " = "} (the eligibility engine's {@code ecog = 1}), unless the protocol's label is that
 *       same word ({@code pregnant}) or ends with it ({@code drug or agent allergies = []});</li>
 *   <li>form and visit ids followed by {@code " #"} and a number;</li>
 *   <li>codes: every code of a record code field or a form choice field with a hyphen in it ({@code nsclc-nos},
 *       {@code recovered-with-sequelae}), whose label (the protocol's {@code valueLabels}, else the code with hyphens
 *       as spaces) differs from it, unless the protocol's own words (field labels, value labels, form and visit
 *       names, criterion titles) use it ({@code follow-up}); and the stored yes/no values {@code true} and
 *       {@code false}, shown as yes and no. Attributes ({@code value="nsclc-nos"}) are not visible text;</li>
 *   <li>enum constants: words in capitals joined by underscores, and the one-word constants of the server's status
 *       enums and state strings (participant status, eligibility verdict and criterion status, form and query status,
 *       visit status, role, audit action).</li>
 * </ul>
 */
@SpringBootTest(
    classes = ServerApplication.class,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:labeltests;DB_CLOSE_DELAY=-1",
      "oligotrial.security.bcrypt-cost=4",
      "logging.level.root=warn"
    })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HumanLabelsTest {
  static final String PASSWORD = "password-for-label-tests";
  static final String A = "NCT03119519";
  static final String B = TestProtocols.SECOND;
  static final List<String> USERS = List.of("admin", "inv.a", "coord.a", "dm.a", "mon.a", "stat", "coord.b",
      "dsmb");

  @Autowired MockMvc mvc;
  @Autowired Register register;
  @Autowired TrialScopes scopes;
  final Map<String, List<String>> participants = new LinkedHashMap<>();
  final Map<String, List<String>> forms = new LinkedHashMap<>();
  /** By trial: the label of the required field missing from a stored form. */
  final Map<String, String> missing = new LinkedHashMap<>();
  @Autowired javax.sql.DataSource dataSource;
  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  @BeforeAll
  void state() throws Exception {
    Actor admin = TestRegisters.admin();
    TestRegisters.twoSitesWithOneUserPerRole(register, PASSWORD);
    register.trials().add(admin, TestProtocols.second(), "nct01446744.yaml", false);
    register.trials().enrolSite(admin, B, "A");
    register.trials().enrolSite(admin, B, "B");
    for (String[] g : new String[][] {{"inv.a", "INVESTIGATOR", "A"}, {"coord.a", "COORDINATOR", "A"},
        {"dm.a", "DATA_MANAGER", "A"}, {"mon.a", "MONITOR", "A"}, {"coord.b", "COORDINATOR", "B"}}) {
      register.users().grant(admin, g[0], B, Role.valueOf(g[1]), Set.of(g[2]));
    }
    register.users().grant(admin, "stat", B, Role.STATISTICIAN, Set.of());
    register.users().add(admin, "dsmb", Role.DSMB, Set.of(), PASSWORD);
    register.users().grant(admin, "dsmb", B, Role.DSMB, Set.of());
    state(A, Path.of("../examples/screening"));
    state(B, Path.of("../examples/screening/nct01446744"));
  }

  private Actor on(String user, String trial) {
    return register.users().actorOn(user, trial).orElseThrow();
  }

  private void state(String trial, Path examples) throws Exception {
    ParticipantService ps = scopes.of(trial).participants();
    DataCapture dc = scopes.of(trial).dataCapture();
    Actor coord = on("coord.a", trial);
    String eligible = Files.readString(examples.resolve("eligible.json"));
    String ineligible = Files.readString(examples.resolve("ineligible.json"));
    List<String> ids = new ArrayList<>();
    ids.add(ps.register(coord, "A", trial + "-E", eligible).participant().id());
    ids.add(ps.register(coord, "A", trial + "-F", ineligible).participant().id());
    String r = ps.register(coord, "A", trial + "-R", eligible).participant().id();
    ids.add(r);
    ps.recordConsent(coord, r, new Consent("ICF v1", LocalDate.now(), "Dr Li"), null);
    var rs = scopes.of(trial).randomization();
    rs.randomize(on("inv.a", trial), r, rs.preview(coord, r).confirmFactors());
    participants.put(trial, ids);
    String prefix = "/trials/" + trial;
    String today = LocalDate.now().toString();
    perform("coord.a", post(prefix + "/participants/" + r + "/forms").with(csrf()).param("type", "last-known-alive")
        .param("v.date", today));
    perform("coord.a", adverseEvent(post(prefix + "/participants/" + r + "/forms"), "Nausea", "2", false));
    perform("coord.a", adverseEvent(post(prefix + "/participants/" + r + "/forms"), "Pneumonitis", "3", true));
    Protocol p = dc.protocol();
    List<StoredForm> stored = dc.forms().list(coord, r);
    assertThat(stored).as("forms entered in " + trial).hasSize(3);
    String ae = stored.stream().filter(f -> f.valuesJson().contains("\"serious\":true")).findFirst().orElseThrow()
        .id();
    if (p.form("sae-report").isPresent()) {
      LocalDateTime aware = LocalDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.MINUTES);
      perform("coord.a", post(prefix + "/participants/" + r + "/forms").with(csrf()).param("type", "sae-report")
          .param("v.adverseEventForm", ae).param("v.reportType", "initial").param("v.term", "Pneumonitis")
          .param("v.grade", "3").param("v.onsetDate", today).param("v.awarenessAt", aware.toString())
          .param("v.hospitalisation", "true").param("v.relatedToSystemicTherapy", "possible")
          .param("v.relatedToRadiotherapy", "probable").param("v.actionTaken", "interrupted")
          .param("v.outcome", "recovering").param("v.narrative", "admitted, treated with steroids"));
    }
    stored = dc.forms().list(coord, r);
    dc.queries().raise(on("dm.a", trial), ae, "grade", "please confirm the grade from the source");
    dc.forms().sign(on("inv.a", trial), stored.get(0).id(), PASSWORD);
    // a required value missing: the non-serious adverse event as saved under an older definition of the form, before
    // its first code-like required field (a relation to treatment) was required; saving checks required values, so
    // the stored values are edited in the database, as a protocol amendment would leave them
    FormField dropped = p.form("adverse-event").orElseThrow().fields().stream()
        .filter(f -> f.required() && f.id().matches(".*[a-z][A-Z].*") && !f.id().equals("startDate")).findFirst()
        .orElseThrow();
    StoredForm nausea = stored.stream().filter(f -> f.valuesJson().contains("Nausea")).findFirst().orElseThrow();
    assertThat(nausea.status()).isEqualTo(StoredForm.ENTERED);
    var values = (tools.jackson.databind.node.ObjectNode) JSON.readTree(nausea.valuesJson());
    values.remove(dropped.id());
    org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
        .sql("UPDATE crf_form SET values_json = :v WHERE id = :id").param("v", values.toString())
        .param("id", nausea.id()).update();
    missing.put(trial, dropped.label());
    forms.put(trial, stored.stream().map(StoredForm::id).toList());
  }

  private static MockHttpServletRequestBuilder adverseEvent(MockHttpServletRequestBuilder r, String term,
      String grade, boolean serious) {
    return r.with(csrf()).param("type", "adverse-event").param("v.term", term).param("v.grade", grade)
        .param("v.startDate", LocalDate.now().toString()).param("v.serious", Boolean.toString(serious))
        .param("v.relatedToSystemicTherapy", "possible").param("v.relatedToRadiotherapy", "unlikely")
        // the serious one stores codes with hyphens (shown by their labels), the other plain ones
        .param("v.actionTaken", serious ? "dose-reduced" : "none")
        .param("v.outcome", serious ? "recovered-with-sequelae" : "recovering").param("v.relatedToSabr", "possible");
  }

  private MvcResult perform(String username, MockHttpServletRequestBuilder req) throws Exception {
    var u = register.users().find(username).orElseThrow();
    return mvc.perform(req.with(user(username).password(PASSWORD).roles(u.role().name()))).andReturn();
  }

  /** The pages of one trial to read. */
  private List<MockHttpServletRequestBuilder> pages(String trial) {
    String p = "/trials/" + trial;
    List<MockHttpServletRequestBuilder> out = new ArrayList<>();
    for (String path : List.of("/dashboard", "/participants", "/screening/new", "/screening/log", "/data",
        "/reports", "/reports/print")) {
      out.add(get(p + path));
    }
    out.add(post(p + "/screening/check").with(csrf()).param("site", "A"));
    for (String path : List.of("/dsmb/" + trial, "/dsmb/" + trial + "/print", "/dsmb/" + trial + "/recorded")) {
      out.add(get(path));
    }
    for (String id : participants.get(trial)) {
      out.add(get(p + "/participants/" + id));
      out.add(get(p + "/participants/" + id + "/casebook"));
      out.add(get(p + "/participants/" + id + "/randomization"));
      out.add(get(p + "/data/casebooks/" + id));
    }
    String randomized = participants.get(trial).get(2);
    for (FormDefinition d : scopes.of(trial).dataCapture().protocol().forms()) {
      out.add(get(p + "/participants/" + randomized + "/forms/new").param("type", d.id()));
    }
    for (String f : forms.get(trial)) {
      out.add(get(p + "/forms/" + f));
      out.add(get(p + "/forms/" + f + "/edit"));
    }
    return out;
  }

  @Test
  void everyPageOfBothTrialsShowsLabelsNotKeys() throws Exception {
    Map<String, Set<String>> found = new TreeMap<>();
    int read = 0;
    for (String trial : List.of(A, B)) {
      List<Pattern> forbidden = forbidden(scopes.of(trial).dataCapture().protocol());
      for (String user : USERS) {
        for (MockHttpServletRequestBuilder req : pages(trial)) {
          MvcResult r = perform(user, req);
          if (r.getResponse().getStatus() != 200) {
            continue;
          }
          read++;
          String text = visibleText(r.getResponse().getContentAsString());
          for (Pattern f : forbidden) {
            Matcher m = f.matcher(text);
            while (m.find()) {
              String page = r.getRequest().getMethod() + " " + r.getRequest().getRequestURI()
                  + (r.getRequest().getQueryString() == null ? "" : "?" + r.getRequest().getQueryString());
              String where = page.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
              found.computeIfAbsent(where, k -> new LinkedHashSet<>()).add(user + ": \"" + m.group() + "\" in \""
                  + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)) + "\"");
            }
          }
        }
      }
    }
    assertThat(read).as("pages read").isGreaterThan(200);
    assertThat(found).as("keys, paths, ids and constants on the pages (page -> user: what, in its context)")
        .isEmpty();
  }

  @Test
  void theCasebookOfAParticipantWithBlockersListsThemInWords() throws Exception {
    for (String trial : List.of(A, B)) {
      String r = participants.get(trial).get(2);
      String page = perform("dm.a", get("/trials/" + trial + "/data/casebooks/" + r)).getResponse()
          .getContentAsString();
      String text = visibleText(page);
      // the open query raised in state() on the serious adverse event's grade, and the value removed there
      assertThat(page).contains("id=\"blockers\"").contains("id=\"lock-blockers\"");
      assertThat(text).contains("CTCAE grade: open query \"please confirm the grade from the source\"")
          .contains(missing.get(trial) + ": required value missing").contains("not signed by the investigator")
          .contains(scopes.of(trial).dataCapture().protocol().form("adverse-event").orElseThrow().name());
    }
  }

  @Test
  void aSeriousAdverseEventAlertsOnlyItsTrialsStaffAtItsSite() throws Exception {
    for (String[] t : new String[][] {{A, B}, {B, A}}) {
      for (String who : List.of("inv.a", "dm.a", "mon.a")) {
        String dash = perform(who, get("/trials/" + t[0] + "/dashboard")).getResponse().getContentAsString();
        assertThat(dash).as(who + " in " + t[0]).contains("id=\"sae-alerts\"").contains(t[0] + "-R")
            .doesNotContain(t[1] + "-R");
      }
      for (String who : List.of("coord.a", "coord.b", "stat", "admin")) {
        assertThat(perform(who, get("/trials/" + t[0] + "/dashboard")).getResponse().getContentAsString())
            .as(who + " in " + t[0]).doesNotContain("id=\"sae-alerts\"");
      }
    }
  }

  @Test
  void theForbiddenListComesFromTheProtocols() {
    List<Pattern> a = forbidden(scopes.of(A).dataCapture().protocol());
    String patterns = a.stream().map(Pattern::pattern).collect(Collectors.joining("\n"));
    // a form field key, a record path, a visit id with its occurrence, an enum constant
    assertThat(find(a, "total dose totalDoseGy here")).isTrue();
    assertThat(find(a, "why: diagnosis.histology = adenocarcinoma")).isTrue();
    assertThat(find(a, "ecog = 1")).isTrue();
    assertThat(find(a, "tumour-assessment-year-1 #2")).isTrue();
    assertThat(find(a, "status SCREEN_FAILED")).isTrue();
    assertThat(find(a, "status RANDOMIZED")).isTrue();
    // their labels pass
    assertThat(find(a, "total dose delivered 60 Gy, histology adenocarcinoma, ECOG performance status 1, "
        + "tumour assessment (RECIST 1.1), first year 2, status screen failed")).isFalse();
    assertThat(patterns).contains("totalDoseGy").contains("diagnosis.histology");
    // codes and yes/no values: NCT03119519's histology nsclc-nos, metastatic site distant-node, action taken
    // dose-reduced and outcome recovered-with-sequelae; follow-up is the protocol's own word (a visit's name)
    assertThat(find(a, "histology = nsclc-nos")).isTrue();
    assertThat(find(a, "site distant-node")).isTrue();
    assertThat(find(a, "action taken dose-reduced, outcome recovered-with-sequelae")).isTrue();
    assertThat(find(a, "serious adverse event true")).isTrue();
    assertThat(find(a, "pregnant = false")).isTrue();
    assertThat(find(a, "histology NSCLC, not otherwise specified, site distant lymph node, action taken dose reduced,"
        + " outcome recovered with sequelae, serious adverse event yes, pregnant = no, survival follow-up"))
        .isFalse();
  }

  private static boolean find(List<Pattern> forbidden, String text) {
    return forbidden.stream().anyMatch(p -> p.matcher(text).find());
  }

  /** The forbidden words of a protocol's pages (see the class comment). */
  static List<Pattern> forbidden(Protocol p) {
    Set<String> keys = new LinkedHashSet<>();
    Set<String> paths = new LinkedHashSet<>(); // those whose label is not the path itself (pregnant: "pregnant")
    for (FormDefinition d : p.forms()) {
      for (FormField f : d.fields()) {
        keys.add(f.id());
      }
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (RecordField f : p.record().fields()) {
      if (!f.path().equals(f.label())) {
        paths.add(f.path());
        labels.put(f.path(), f.label());
      }
      keys.add(f.path());
      keys.add(f.name());
      for (RecordField i : f.items()) {
        if (!i.path().equals(i.label())) {
          paths.add(i.path());
          labels.put(i.path(), i.label());
        }
        keys.add(i.path());
        keys.add(i.name());
      }
    }
    List<Pattern> out = new ArrayList<>();
    for (String k : keys) {
      if (k.contains(".") || k.matches(".*[a-z][A-Z].*")) {
        out.add(Pattern.compile("(?<![\\w.-])" + Pattern.quote(k) + "(?![\\w-])"));
      }
    }
    for (String path : paths) {
      // a label that ends with the path's word ("drug or agent allergies" for allergies) is the label, not the path
      String label = labels.get(path);
      String before = label != null && label.endsWith(" " + path)
          ? "(?<!" + Pattern.quote(label.substring(0, label.length() - path.length())) + ")" : "";
      out.add(Pattern.compile("(?<![\\w.-])" + before + Pattern.quote(path) + " = "));
    }
    Set<String> ids = new LinkedHashSet<>();
    p.forms().forEach(d -> ids.add(Pattern.quote(d.id())));
    p.visits().stream().map(Visit::id).forEach(v -> ids.add(Pattern.quote(v)));
    out.add(Pattern.compile("(?<![\\w-])(?:" + String.join("|", ids) + ") #\\d+"));
    out.add(Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b"));
    Set<String> constants = new LinkedHashSet<>();
    for (Class<? extends Enum<?>> e : List.of(org.oligotrial.server.participant.ParticipantStatus.class,
        org.oligotrial.server.datacapture.visits.VisitStatus.class, Role.class,
        org.oligotrial.server.audit.AuditAction.class, org.oligotrial.eligibility.CriterionStatus.class,
        org.oligotrial.eligibility.Verdict.class)) {
      for (Enum<?> c : e.getEnumConstants()) {
        constants.add(c.name());
      }
    }
    constants.addAll(List.of(StoredForm.ENTERED, StoredForm.SIGNED, StoredForm.LOCKED, "OPEN", "ANSWERED",
        "CLOSED"));
    constants.remove(Role.DSMB.name()); // the role's constant is also the board's acronym, which prose uses
    out.add(Pattern.compile("\\b(?:" + String.join("|", constants) + ")\\b"));
    Set<String> codes = codes(p);
    if (!codes.isEmpty()) {
      out.add(Pattern.compile("(?<![\\w-])(?:" + codes.stream().map(Pattern::quote).collect(Collectors.joining("|"))
          + ")(?![\\w-])"));
    }
    out.add(Pattern.compile("(?<![\\w-])(?:true|false)(?![\\w-])"));
    return out;
  }

  /**
   * The codes a page must show by their labels: those of record code fields and form choice fields with a hyphen,
   * whose label differs from the code, and that the protocol's own words do not use.
   */
  static Set<String> codes(Protocol p) {
    Map<String, String> coded = new LinkedHashMap<>();
    StringBuilder words = new StringBuilder();
    for (RecordField f : p.record().fields()) {
      List<RecordField> all = new ArrayList<>(f.items());
      all.add(f);
      for (RecordField x : all) {
        words.append(' ').append(x.label()).append(' ').append(x.help()).append(' ').append(x.codeHint());
        x.codeLabels().values().forEach(l -> words.append(' ').append(l));
        x.codes().forEach(c -> coded.putIfAbsent(c, x.valueLabel(c)));
      }
    }
    for (FormDefinition d : p.forms()) {
      words.append(' ').append(d.name());
      for (FormField f : d.fields()) {
        words.append(' ').append(f.label());
        f.valueLabels().values().forEach(l -> words.append(' ').append(l));
        f.values().forEach(c -> coded.putIfAbsent(c, f.valueLabel(c)));
      }
    }
    p.visits().forEach(v -> words.append(' ').append(v.name()));
    p.criteria().forEach(c -> words.append(' ').append(c.title()));
    Set<String> out = new java.util.TreeSet<>();
    for (var e : coded.entrySet()) {
      String c = e.getKey();
      if (c.contains("-") && !c.equals(e.getValue())
          && !Pattern.compile("(?<![\\w-])" + Pattern.quote(c) + "(?![\\w-])").matcher(words).find()) {
        out.add(c);
      }
    }
    return out;
  }

  private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style|template)\\b.*?</\\1>|<!--.*?-->");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

  /** The text a person reads: tags (with their attributes), scripts, styles and comments removed, entities decoded. */
  static String visibleText(String html) {
    int body = html.indexOf("<body");
    String s = HIDDEN.matcher(body < 0 ? html : html.substring(body)).replaceAll(" ");
    s = TAG.matcher(s).replaceAll(" ");
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&nbsp;", " ").replace("&amp;", "&");
    return s.replaceAll("\\s+", " ");
  }
}
