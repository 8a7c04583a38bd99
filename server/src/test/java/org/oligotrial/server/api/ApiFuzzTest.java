package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.testing.DatabaseFingerprint;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzes every operation of the OpenAPI document ({@code /v3/api-docs}), as every role and anonymously: for each
 * request an operation, a caller and one mutation of a well-formed request are drawn from a seeded generator. The
 * mutations: a missing, unknown or duplicated property, a value of the wrong JSON type, hostile and boundary strings
 * (lone surrogates, bidirectional overrides, NUL and other controls, zero-width characters, SQL and HTML look-alikes,
 * format strings, 1,100,000 characters), non-finite and over-long numbers, deep nesting, truncated or non-object
 * bodies, wrong content types, hostile path and query parameters, and the well-formed request itself.
 *
 * <p>It fails on any 5xx, on any response that shows a stack trace or an exception or class name, and on any change in
 * the database after a refused request (a 4xx): every table is fingerprinted ({@link DatabaseFingerprint}) around each
 * request. A refusal that the access rules or 21 CFR 11 ask to record may add its {@code ACCESS_DENIED} audit rows
 * (AuthorizationMatrixTest), and a wrong signature password its count toward the account's back-off; nothing else. Callers authenticate with API tokens, so that no request is a login (a
 * password login is itself audited).
 *
 * <p>Bounded for the normal build: seed {@code fuzz.seed} (default 16) and {@code fuzz.count} requests (default
 * 800: 13 s on a quiet 2-core machine); run more with {@code mvn -pl server -am verify -Dtest=ApiFuzzTest -Dfuzz.count=20000
 * -Dsurefire.failIfNoSpecifiedTests=false}. A failure names the seed, request number, operation, caller and mutation
 * so that it replays.
 */
class ApiFuzzTest extends ApiTestBase {
  static final long SEED = Long.getLong("fuzz.seed", 16L);
  static final int COUNT = Integer.getInteger("fuzz.count", 800);
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final List<String> USERS = List.of("admin", "inv.a", "coord.a", "dm.a", "mon.a", "stat", "coord.b");
  static final List<String> LEAKS = List.of("\tat ", "Exception", "org.oligotrial", "java.lang", "tools.jackson",
      "org.springframework", "org.h2", "SQLState");

  /** Hostile and boundary strings, as Java strings (they are written into JSON by Jackson, escapes and all). */
  static final List<String> HOSTILE = List.of(
      "\ud800", "a\udc00b", "\udbff\udbff", "x\ud83d", // lone surrogates (a high one cut from U+1F600)
      "\u202eexe.txt", "a\u2066b\u2069", "\u200b", "\u200b\u200c\u200d\ufeff", "\u00ad", "\u2060",
      "\u0000", "a\u0000b", "\u0007\u001b[31m", "\u0085", "\u2028", "line\nbreak", "\t", "\r\n",
      "", " ", "\u00a0", "\u3000",
      "Robert'); DROP TABLE participant;--", "' OR '1'='1", "1; SELECT pg_sleep(10)",
      "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "\"><svg onload=alert(1)>",
      "${jndi:ldap://example.invalid/a}", "{{7*7}}", "%s%n%x%p", "../../etc/passwd", "%2f%2e%2e", "\\u0000",
      "\ud83d\ude00", "e\u0301", "\uff24\uff25\uff2d\uff2f", "DEMO1\u2010001", "\u0627\u0644\u0639\u0631\u0628\u064a",
      "-1", "0", "99999999999999999999", "1e400", "NaN", "true", "null", "9999-12-31", "1899-12-31", "0000-00-00",
      "x".repeat(65), "x".repeat(4001), "\u4e2d".repeat(5000));

  static final String[] MUTATIONS = {
    "well-formed", "missing property", "wrong type", "hostile string", "unknown property", "duplicate key",
    "truncated JSON", "deep nesting", "extreme number", "wrong root", "wrong content type", "huge string",
    "hostile query parameter", "hostile path parameter", "no body"
  };

  record Param(String name, String in, JsonNode schema) {}

  record Operation(String method, String path, List<Param> params, JsonNode body, boolean hasBody) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  record Sent(MockHttpServletRequestBuilder request, String description) {}

  JsonNode doc;
  Random rnd;
  long started;
  long fingerprinting;
  final Map<String, String> tokens = new LinkedHashMap<>();
  final List<String> ids = new ArrayList<>();

  @Test
  void noOperationFailsLeaksOrChangesTheDatabaseWhenItRefuses() throws Exception {
    doc = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
    List<Operation> ops = operations();
    assertThat(ops).as("operations in the OpenAPI document").hasSizeGreaterThan(20);
    for (String u : USERS) {
      tokens.put(u, register.tokens().create(actor(u), "fuzz", Duration.ofDays(1)).token());
    }
    ids.add(eligibleAt("A"));
    ids.add(eligibleAt("B"));
    // a consented participant who can be randomized, and one randomized (which also creates the trial's
    // randomization state and secret seed: RandomizationService.ensureTrial does that on the first randomization
    // request, even one it then refuses, so it is done here before the fingerprints)
    ids.add(consented());
    String randomized = consented();
    var first = mvc.perform(post("/api/v1/participants/" + randomized + "/randomization").with(as("inv.a"))
        .contentType("application/json").content("{" + RandomizationApiTest.SIGNED + "}")).andReturn().getResponse();
    assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
    ids.add(randomized);
    rnd = new Random(SEED);
    DatabaseFingerprint db = new DatabaseFingerprint(register.jdbc());
    // the background chainer would move audit rows between tables while we compare: chain by hand instead; and the
    // failed sign-ins of earlier tests, folded into one row a minute by a timer, are written now rather than during
    // the run (the fuzzer's callers use valid tokens or no credentials, so they add none)
    register.throttle().flushAuditNow();
    register.audit().stopBackgroundChaining();
    List<String> failures = new ArrayList<>();
    Map<String, Integer> statuses = new java.util.TreeMap<>();
    Set<String> reached = new HashSet<>();
    try {
      Map<String, String> before = db.take();
      started = System.nanoTime();
      for (int n = 0; n < COUNT && failures.size() < 20; n++) {
        long lastSeq = register.jdbc().sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event").query(Long.class)
            .single();
        Operation op = ops.get(rnd.nextInt(ops.size()));
        String user = rnd.nextInt(12) == 0 ? null : USERS.get(rnd.nextInt(USERS.size()));
        String mutation = MUTATIONS[rnd.nextInt(MUTATIONS.length)];
        Sent sent = build(op, mutation);
        if (user != null) {
          sent.request().header("Authorization", "Bearer " + tokens.get(user));
        }
        MockHttpServletResponse r = mvc.perform(sent.request()).andReturn().getResponse();
        int status = r.getStatus();
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        String where = "seed " + SEED + " #" + n + " " + op + " as " + (user == null ? "anonymous" : user) + ", "
            + mutation + " (" + sent.description() + ")";
        statuses.merge(status / 100 + "xx", 1, Integer::sum);
        reached.add(op.toString());
        if (status >= 500) {
          failures.add(where + ": " + status + " " + excerpt(body));
        }
        for (String leak : LEAKS) {
          if (body.contains(leak)) {
            failures.add(where + ": the response shows '" + leak.strip() + "': " + excerpt(body));
            break;
          }
        }
        long t0 = System.nanoTime();
        Map<String, String> after = db.take();
        fingerprinting += System.nanoTime() - t0;
        if (status >= 400 && status < 500) {
          List<String> changed = DatabaseFingerprint.changes(before, after);
          List<String> recorded = register.jdbc().sql("SELECT action || ' ' || COALESCE(field, '') FROM audit_event"
              + " WHERE seq > :s ORDER BY seq").param("s", lastSeq).query(String.class).list();
          // a refusal the access rules or 21 CFR 11 ask to record: ACCESS_DENIED rows only, and a wrong signature
          // password's count toward the account's back-off
          if (!recorded.isEmpty() && recorded.stream().allMatch(a -> a.startsWith("ACCESS_DENIED"))) {
            changed.removeIf(t -> t.startsWith("audit_event ") || t.startsWith("audit_head ")
                || t.startsWith("audit_pending "));
            if (recorded.contains("ACCESS_DENIED signature")) {
              changed.removeIf(t -> t.startsWith("user_account "));
            }
          }
          if (!changed.isEmpty()) {
            failures.add(where + ": refused with " + status + " but changed " + changed + ", audit " + recorded);
          }
        } else if (status < 300) {
          harvestIds(body);
        }
        before = after;
      }
    } finally {
      register.audit().startBackgroundChaining();
    }
    System.out.printf("ApiFuzzTest: seed %d, %d requests %s over %d operations in %.1f s (fingerprinting %.1f s)%n",
        SEED, COUNT, statuses, reached.size(), (System.nanoTime() - started) / 1e9, fingerprinting / 1e9);
    assertThat(failures).as("requests sent: " + statuses).isEmpty();
    assertThat(reached).as("operations reached").hasSizeGreaterThan(ops.size() / 2);
    assertThat(register.verifier().verify().intact()).isTrue();
  }

  String consented() {
    String id = register.participants().register(actor("coord.a"), "A", "FZ-" + UUID.randomUUID().toString()
        .substring(0, 13), RandomizationApiTest.record("wild-type")).participant().id();
    register.participants().recordConsent(actor("coord.a"), id,
        new Consent("v1", java.time.LocalDate.of(2026, 1, 5), "Dr Li"), null);
    return id;
  }

  // --- the OpenAPI document ---

  List<Operation> operations() {
    List<Operation> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> m : path.getValue().properties()) {
        if (!Set.of("get", "post", "put", "delete", "patch").contains(m.getKey())) {
          continue;
        }
        JsonNode op = m.getValue();
        List<Param> params = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
          params.add(new Param(p.get("name").asString(), p.get("in").asString(), resolve(p.path("schema"))));
        }
        JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
        out.add(new Operation(m.getKey().toUpperCase(), path.getKey(), params, resolve(schema),
            !op.path("requestBody").isMissingNode()));
      }
    }
    return out;
  }

  JsonNode resolve(JsonNode schema) {
    for (int i = 0; i < 10 && schema.has("$ref"); i++) {
      schema = doc.at(schema.get("$ref").asString().substring(1));
    }
    return schema;
  }

  /** A well-formed value for a schema (a screening record for free-form objects). */
  JsonNode example(JsonNode schema, String name, int depth) {
    schema = resolve(schema);
    String type = schema.path("type").asString("");
    if (schema.has("enum")) {
      JsonNode e = schema.get("enum");
      return e.get(rnd.nextInt(e.size()));
    }
    switch (type) {
      case "string":
        String format = schema.path("format").asString("");
        if (format.equals("date")) {
          return NODES.stringNode("2026-01-0" + (1 + rnd.nextInt(9)));
        }
        if (format.equals("date-time")) {
          return NODES.stringNode("2026-01-05T10:00:00Z");
        }
        if (name.equals("status")) {
          return NODES.stringNode(List.of("WITHDRAWN", "DIED", "SCREEN_FAILED", "LOST_TO_FOLLOW_UP")
              .get(rnd.nextInt(4)));
        }
        if (name.equals("siteCode") || name.equals("code")) {
          return NODES.stringNode(rnd.nextBoolean() ? "A" : "F" + rnd.nextInt(1000));
        }
        return NODES.stringNode(name + "-" + Long.toString(rnd.nextLong() & 0xffffff, 36));
      case "integer":
        return NODES.numberNode(1 + rnd.nextInt(30));
      case "number":
        return NODES.numberNode(rnd.nextInt(100) / 4.0);
      case "boolean":
        return NODES.booleanNode(rnd.nextBoolean());
      case "array":
        ArrayNode a = NODES.arrayNode();
        if (depth < 4) {
          a.add(example(schema.path("items"), name, depth + 1));
        }
        return a;
      default:
        ObjectNode o = NODES.objectNode();
        JsonNode props = schema.path("properties");
        if (props.isEmpty() || depth >= 4) {
          o.put("testVerdict", "ELIGIBLE"); // a free-form value: the scripted evaluator's screening record
          o.put("note", "fuzz");
          return o;
        }
        for (Map.Entry<String, JsonNode> p : props.properties()) {
          o.set(p.getKey(), example(p.getValue(), p.getKey(), depth + 1));
        }
        return o;
    }
  }

  // --- requests ---

  Sent build(Operation op, String mutation) throws Exception {
    String path = op.path();
    List<String> notes = new ArrayList<>();
    Map<String, String> query = new LinkedHashMap<>();
    for (Param p : op.params()) {
      if (p.in().equals("path")) {
        String v = ids.isEmpty() || rnd.nextInt(5) == 0 ? UUID.randomUUID().toString() : pick(ids);
        if (mutation.equals("hostile path parameter")) {
          v = pick(HOSTILE);
          notes.add(p.name() + "=" + shown(v));
        }
        path = path.replace("{" + p.name() + "}", URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
      } else if (p.in().equals("query")) {
        String v = example(p.schema(), p.name(), 0).asString();
        if (mutation.equals("hostile query parameter") && rnd.nextBoolean()) {
          v = rnd.nextBoolean() ? pick(HOSTILE) : pick(List.of("abc", "-1", "1.5", "99999999999", "", "%00"));
          notes.add(p.name() + "=" + shown(v));
        }
        if (v != null && (rnd.nextBoolean() || mutation.equals("hostile query parameter"))) {
          query.put(p.name(), v);
        }
      }
    }
    MockHttpServletRequestBuilder req = request(HttpMethod.valueOf(op.method()), java.net.URI.create(path));
    query.forEach(req::queryParam);
    if (mutation.equals("hostile query parameter") && rnd.nextBoolean()) {
      req.queryParam(pick(List.of("page", "size", "site", "status", "x")), pick(HOSTILE));
    }
    String contentType = "application/json";
    String body = null;
    if (op.hasBody() || rnd.nextInt(4) == 0) {
      JsonNode value = op.body() == null || op.body().isMissingNode() ? NODES.objectNode()
          : example(op.body(), "", 0);
      body = mutate(value, mutation, notes);
      if (mutation.equals("wrong content type")) {
        contentType = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "*/*", "application/jso"));
        notes.add(contentType);
      }
    }
    if (body != null && !mutation.equals("no body")) {
      req.contentType(contentType).content(body.getBytes(StandardCharsets.UTF_8));
    }
    req.header("Accept", rnd.nextInt(8) == 0 ? "text/html" : "application/json");
    return new Sent(req, String.join(", ", notes));
  }

  String mutate(JsonNode value, String mutation, List<String> notes) throws Exception {
    String json = JSON.writeValueAsString(value);
    ObjectNode o = value.isObject() ? (ObjectNode) value : null;
    List<String> names = new ArrayList<>();
    if (o != null) {
      o.propertyNames().forEach(names::add);
    }
    switch (mutation) {
      case "missing property":
        if (!names.isEmpty()) {
          String n = pick(names);
          o.remove(n);
          notes.add(n);
        }
        return JSON.writeValueAsString(value);
      case "wrong type":
        if (!names.isEmpty()) {
          String n = pick(names);
          JsonNode wrong = wrongType(o.get(n));
          o.set(n, wrong);
          notes.add(n + "=" + wrong);
        }
        return JSON.writeValueAsString(value);
      case "hostile string":
        String h = pick(HOSTILE);
        notes.add(shown(h));
        return setDeep(value, NODES.stringNode(h));
      case "unknown property":
        if (o != null) {
          o.put(pick(List.of("admin", "role", "id", "__proto__", "constructor", "version ", "Reason")), "x");
        }
        return JSON.writeValueAsString(value);
      case "duplicate key":
        if (!names.isEmpty()) {
          String n = pick(names);
          notes.add(n);
          return "{\"" + n + "\":" + JSON.writeValueAsString(o.get(n)) + "," + json.substring(1);
        }
        return json;
      case "truncated JSON":
        int cut = rnd.nextInt(Math.max(1, json.length()));
        notes.add("at " + cut);
        return json.substring(0, cut);
      case "deep nesting":
        int depth = pick(List.of(33, 100, 1000, 20000));
        notes.add("depth " + depth);
        return setDeep(value, JSON.readTree("[".repeat(Math.min(depth, 30)) + "]".repeat(Math.min(depth, 30))))
            .replace("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
                "[".repeat(depth) + "]".repeat(depth));
      case "extreme number":
        String num = pick(List.of("1e400", "-1e400", "1e-400", "123456789012345678901234567890",
            "1" + "0".repeat(80), "NaN", "Infinity", "0x10", "01", "1.", "-0", "2147483648", "-2147483649"));
        notes.add(num);
        return setDeep(value, NODES.numberNode(7)).replaceFirst("(?<![\\w.])7(?![\\w.])", num);
      case "wrong root":
        String root = pick(List.of("[]", "\"x\"", "null", "42", "true", "[" + json + "]", ""));
        notes.add(root);
        return root;
      case "huge string":
        notes.add("1,100,000 characters");
        return setDeep(value, NODES.stringNode("y".repeat(1_100_000)));
      default:
        return json;
    }
  }

  /** The JSON with one property (possibly nested, possibly a free-form value) set to {@code v}. */
  String setDeep(JsonNode value, JsonNode v) throws Exception {
    JsonNode at = value;
    for (int i = 0; i < 4; i++) {
      if (!(at instanceof ObjectNode o) || o.isEmpty()) {
        break;
      }
      List<String> names = new ArrayList<>();
      o.propertyNames().forEach(names::add);
      String n = pick(names);
      if (rnd.nextInt(3) == 0 && o.get(n).isObject() && !o.get(n).isEmpty()) {
        at = o.get(n);
        continue;
      }
      o.set(n, v);
      break;
    }
    return JSON.writeValueAsString(value);
  }

  JsonNode wrongType(JsonNode v) {
    if (v == null || v.isString()) {
      return pick(List.of(NODES.numberNode(12), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode()));
    }
    if (v.isIntegralNumber()) {
      return pick(List.of(NODES.numberNode(1.5), NODES.stringNode("12"), NODES.booleanNode(false)));
    }
    if (v.isNumber()) {
      return pick(List.of(NODES.stringNode("1.5"), NODES.booleanNode(true)));
    }
    if (v.isBoolean()) {
      return pick(List.of(NODES.numberNode(1), NODES.stringNode("true"), NODES.stringNode("yes")));
    }
    if (v.isObject()) {
      return pick(List.of(NODES.stringNode("{}"), NODES.arrayNode(), NODES.numberNode(3)));
    }
    return pick(List.of(NODES.objectNode(), NODES.stringNode("[]")));
  }

  void harvestIds(String body) {
    if (ids.size() > 200 || body.isEmpty() || body.charAt(0) != '{' && body.charAt(0) != '[') {
      return;
    }
    try {
      JsonNode n = JSON.readTree(body);
      for (JsonNode id : n.findValues("id")) {
        if (id.isString() && id.asString().length() == 36) {
          ids.add(id.asString());
        }
      }
    } catch (RuntimeException e) {
      // not JSON (a CSV export): nothing to harvest
    }
  }

  <T> T pick(List<T> from) {
    return from.get(rnd.nextInt(from.size()));
  }

  static String shown(String s) {
    return escaped(s.length() > 24 ? s.substring(0, 24) + "..." : s);
  }

  static String escaped(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.toString();
  }

  static String excerpt(String body) {
    return escaped(body.length() > 300 ? body.substring(0, 300) + "..." : body);
  }
}
