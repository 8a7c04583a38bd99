package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.PostgresTestDatabase;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Load benchmark of the web application (not part of the normal build: the class name does not end in Test). The
 * server runs in this JVM on a fresh PostgreSQL database (dropped afterwards), bound to 127.0.0.1, with 2,000
 * participants registered first ({@code -Dweb.load.participants}; full records answering every question of the
 * bundled protocol, one in seven a screen failure). N simulated site coordinators (default 50) sign in and, for a fixed
 * time (default 120 s), open the screening form, post it for the live check, save a screening, open the participant
 * page, the participant's casebook grid and the list; one time in twenty each, the dashboard, the data-management page
 * or a list page 1-8. Between two requests a user thinks for a random time, exponentially distributed with mean
 * {@code -Dweb.load.think} milliseconds (default 1,000: a click a second per user, several times faster than a person
 * filling a screening form; 0 sends the next request as soon as the last one answers, which measures the machine's
 * capacity, not the pages: by Little's law the 50 users then queue for the two cores whatever the code does). The
 * driver talks only to that address, with a bounded thread pool and a hard deadline. At the end: no failed request, every
 * acknowledged save is in the database (no lost write), and per page the times (p50, p95, p99, max) and the server's
 * CPU time per request ({@link #cpuFilter}) are printed, with the load average.
 *
 * <p>Warm-up rule: the requests that begin in the first {@code -Dweb.load.warmup} seconds (default 30) of the users'
 * run are the warm-up: they are printed in a table of their own and left out of the main table, whose time span
 * ({@code web.load.seconds}) starts when the warm-up ends. The warm-up holds the 50 simultaneous sign-ins (BCrypt,
 * cost 10: seconds of CPU on two cores), the first request of each page (the JIT compiles the code on the way) and
 * the connection pool filling; without it, a page's p99 is its first requests queued behind those. The sign-ins and
 * sign-in pages are therefore in the warm-up table only (they are excepted from the targets anyway).
 *
 * <pre>
 * OLIGOTRIAL_PG_URL='jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres' \
 * mvn -B -q -o -pl server -am test -Dtest=WebLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dweb.load.users=50 -Dweb.load.seconds=120
 * </pre>
 */
class WebLoadBenchmark {
  private static final String PASSWORD = "load-benchmark-password";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern SAVED = Pattern.compile("/participants/([0-9a-f-]{36})");

  private static final String PAGE_HEADER = "X-Benchmark-Page";
  /** A full record: every question of the bundled protocol answered (eligible). */
  private static final String ELIGIBLE = "{\"screeningDate\":\"2025-03-10\",\"birthDate\":\"1962-07-21\","
      + "\"sex\":\"female\",\"pregnant\":false,\"breastfeeding\":false,\"diagnosis\":{\"histology\":"
      + "\"adenocarcinoma\",\"confirmation\":\"histology\"},\"staging\":{\"t\":\"T2a\",\"n\":\"N1\",\"m\":"
      + "\"M1b\"},\"primaryTumor\":{\"longestDiameterMm\":34},\"metastases\":[{\"site\":\"bone\",\"lesions\":2},"
      + "{\"site\":\"brain\",\"lesions\":1}],\"intracranialMetastasis\":true,\"ecog\":1,\"priorTreatments\":"
      + "[{\"type\":\"biopsy\"}],\"lifeExpectancyMonths\":12,\"labs\":{\"WBC\":{\"value\":6.2,\"unit\":"
      + "\"10^9/L\"},\"NEU\":{\"value\":3.9,\"unit\":\"10^9/L\"},\"PLT\":{\"value\":245,\"unit\":\"10^9/L\"},"
      + "\"HGB\":{\"value\":118,\"unit\":\"g/L\"},\"TBIL\":{\"value\":12.5,\"unit\":\"umol/L\",\"uln\":21},"
      + "\"AST\":{\"value\":28,\"unit\":\"U/L\",\"uln\":40},\"ALT\":{\"value\":31,\"unit\":\"U/L\","
      + "\"uln\":40},\"CREAT\":{\"value\":0.8,\"unit\":\"mg/dL\",\"uln\":1.1}},\"egfr\":\"mutant\","
      + "\"canTolerateSystemicTherapy\":true,\"otherMalignancy\":false,\"uncontrolledSeriousDisease\":false,"
      + "\"allergies\":[],\"expectedToComplete\":true,\"consentSigned\":true}";
  /** The same record, ECOG 3: a screen failure. */
  private static final String INELIGIBLE = ELIGIBLE.replace("\"ecog\":1", "\"ecog\":3");

  private final Map<String, List<Long>> times = new ConcurrentHashMap<>();
  /** Server CPU time of the request thread, by page (nanoseconds). */
  private final Map<String, List<Long>> cpu = new ConcurrentHashMap<>();
  /** The same for the requests that began during the warm-up (reported apart, not in the figures above). */
  private final Map<String, List<Long>> warmTimes = new ConcurrentHashMap<>();
  private final Map<String, List<Long>> warmCpu = new ConcurrentHashMap<>();
  /** System.nanoTime() at the end of the warm-up: requests that begin earlier are filed under the warm-up. */
  private volatile long measureFrom = Long.MAX_VALUE;
  private String poolSize;
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicLong requests = new AtomicLong();
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  /** Mean think time between a user's requests, milliseconds (0: none). */
  private final long thinkMillis = Long.getLong("web.load.think", 1000);

  @Test
  void fiftyCoordinatorsScreenAndBrowse() throws Exception {
    int users = Integer.getInteger("web.load.users", 50);
    int seconds = Integer.getInteger("web.load.seconds", 120);
    int warmup = Integer.getInteger("web.load.warmup", 30);
    // the server's own pool size (application.properties) unless -Dweb.load.pool: passed as a command-line argument,
    // since the builder's properties are defaults, which application.properties overrides
    String poolOption = System.getProperty("web.load.pool");
    try (PostgresTestDatabase db = PostgresTestDatabase.create();
         ConfigurableApplicationContext app = new SpringApplicationBuilder(ServerApplication.class)
             .properties("spring.datasource.url=" + db.url(), "server.port=0", "server.address=127.0.0.1",
                 "logging.level.root=warn")
             .initializers(ctx -> ctx.getBeanFactory().registerSingleton("benchmarkCpuFilter", cpuFilter()))
             .run(poolOption == null ? new String[0]
                 : new String[] {"--spring.datasource.hikari.maximum-pool-size=" + poolOption})) {
      poolSize = app.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", "10 (Hikari's)");
      Register register = app.getBean(Register.class);
      for (int s = 1; s <= 5; s++) {
        register.sites().add(TestRegisters.admin(), "S" + s, "Load site " + s);
      }
      for (int u = 0; u < users; u++) {
        register.users().add(TestRegisters.admin(), "load" + u, Role.COORDINATOR, Set.of("S" + (u % 5 + 1)),
            PASSWORD);
      }
      int seeded = Integer.getInteger("web.load.participants", 2000);
      long seedStart = System.nanoTime();
      for (int i = 0; i < seeded; i++) {
        String site = "S" + (i % 5 + 1);
        register.participants().register(new Actor("seed", Role.COORDINATOR, Set.of(site)), site,
            String.format("SEED-%05d", i), i % 7 == 0 ? INELIGIBLE : ELIGIBLE);
      }
      System.out.printf("%nSeeded %d participants in %.1f s%n", seeded, (System.nanoTime() - seedStart) / 1e9);
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      long start = System.nanoTime();
      measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
      long deadline = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
      ExecutorService pool = Executors.newFixedThreadPool(users);
      for (int u = 0; u < users; u++) {
        int id = u;
        pool.submit(() -> simulate(base, id, deadline));
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(warmup + seconds + 120L, TimeUnit.SECONDS)).isTrue();
      double elapsed = (System.nanoTime() - measureFrom) / 1e9;
      long stored = register.jdbc().sql("SELECT COUNT(*) FROM participant WHERE screening_number LIKE 'LOAD-%'")
          .query(Long.class).single();
      report(users, warmup, elapsed, stored);
      assertThat(errors.get()).as("failed requests").isZero();
      assertThat(stored).as("every acknowledged save is stored").isEqualTo(acknowledged.size());
      assertThat(register.verifier().verify().intact()).isTrue();
    }
  }

  private void simulate(String base, int user, long deadline) {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    try {
      String login = get(http, base + "/login", "sign-in page");
      post(http, base + "/login", "sign in", Map.of("username", "load" + user, "password", PASSWORD,
          "_csrf", csrf(login)));
      int n = 0;
      while (System.nanoTime() < deadline) {
        String form = get(http, base + "/screening/new", "screening form");
        String token = csrf(form);
        Map<String, String> fields = eligible("LOAD-" + user + "-" + n++, "S" + (user % 5 + 1), token);
        post(http, base + "/screening/check", "live check", fields);
        HttpResponse<String> saved = post(http, base + "/screening", "save screening", fields);
        String location = saved.headers().firstValue("location").orElse("");
        Matcher m = SAVED.matcher(location);
        if (saved.statusCode() != 302 || !m.find()) {
          errors.incrementAndGet();
          continue;
        }
        acknowledged.add(m.group(1));
        get(http, base + "/participants/" + m.group(1), "participant page");
        get(http, base + "/participants/" + m.group(1) + "/casebook", "casebook grid");
        get(http, base + "/participants", "participants list");
        int r = ThreadLocalRandom.current().nextInt(20);
        if (r == 0) {
          get(http, base + "/dashboard", "dashboard");
        } else if (r == 1) {
          get(http, base + "/data", "data page");
        } else if (r == 2) {
          get(http, base + "/participants?page=" + ThreadLocalRandom.current().nextInt(8), "participants list");
        }
      }
    } catch (Exception e) {
      errors.incrementAndGet();
      e.printStackTrace();
    }
  }

  /** Waits a think time drawn from the exponential distribution with mean {@link #thinkMillis} (capped at 10 means). */
  private void think() throws InterruptedException {
    if (thinkMillis > 0) {
      double u = ThreadLocalRandom.current().nextDouble();
      Thread.sleep((long) Math.min(10.0 * thinkMillis, -thinkMillis * Math.log(1.0 - u)));
    }
  }

  private String get(HttpClient http, String url, String page) throws Exception {
    HttpResponse<String> r = send(http, HttpRequest.newBuilder(URI.create(url)).GET(), page);
    if (r.statusCode() != 200) {
      errors.incrementAndGet();
    }
    return r.body();
  }

  private HttpResponse<String> post(HttpClient http, String url, String page, Map<String, String> form)
      throws Exception {
    StringBuilder body = new StringBuilder();
    form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpResponse<String> r = send(http, HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())), page);
    if (r.statusCode() >= 400) {
      errors.incrementAndGet();
    }
    return r;
  }

  private HttpResponse<String> send(HttpClient http, HttpRequest.Builder req, String page) throws Exception {
    think();
    long t0 = System.nanoTime();
    HttpResponse<String> r = http.send(req.timeout(Duration.ofSeconds(60)).header(PAGE_HEADER, page).build(),
        HttpResponse.BodyHandlers.ofString());
    boolean warm = t0 < measureFrom;
    (warm ? warmTimes : times).computeIfAbsent(page, k -> Collections.synchronizedList(new ArrayList<>()))
        .add(System.nanoTime() - t0);
    if (!warm) {
      requests.incrementAndGet();
    }
    return r;
  }

  /**
   * Measures the CPU time of the server's request thread for each request (ThreadMXBean, from the first filter to the
   * end of the response), filed under the page named by the driver's header. It leaves out PostgreSQL's backends,
   * the garbage collector, the JIT and the server's background threads.
   */
  private FilterRegistrationBean<Filter> cpuFilter() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Filter f = (req, res, chain) -> {
      long c0 = threads.getCurrentThreadCpuTime();
      boolean warm = System.nanoTime() < measureFrom;
      try {
        chain.doFilter(req, res);
      } finally {
        String page = ((HttpServletRequest) req).getHeader(PAGE_HEADER);
        if (page != null) {
          (warm ? warmCpu : cpu).computeIfAbsent(page, k -> Collections.synchronizedList(new ArrayList<>()))
              .add(threads.getCurrentThreadCpuTime() - c0);
        }
      }
    };
    FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>(f);
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return bean;
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token in the page");
    }
    return m.group(1);
  }

  private static Map<String, String> eligible(String number, String site, String csrf) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_csrf", csrf);
    f.put("site", site);
    f.put("screeningNumber", number);
    f.put("screeningDate", LocalDate.now().toString());
    f.put("birthDate", LocalDate.now().minusYears(58).toString());
    f.put("sex", "male");
    f.put("histology", "squamous");
    f.put("confirmation", "histology");
    f.put("t", "T2a");
    f.put("n", "N1");
    f.put("m", "M1b");
    f.put("primaryDiameter", "41");
    f.put("metSite0", "bone");
    f.put("metLesions0", "2");
    f.put("intracranial", "no");
    f.put("pregnant", "no");
    f.put("breastfeeding", "no");
    f.put("ecog", "1");
    f.put("lifeExpectancy", "12");
    f.put("egfr", "wild-type");
    f.put("prior", "biopsy");
    f.put("canTolerate", "yes");
    f.put("otherMalignancy", "no");
    f.put("uncontrolled", "no");
    f.put("allergies", "none");
    f.put("expectedToComplete", "yes");
    f.put("consentSigned", "yes");
    for (String[] lab : new String[][] {{"WBC", "6.1", "10^9/L"}, {"NEU", "3.5", "10^9/L"}, {"PLT", "230", "10^9/L"},
        {"HGB", "12.4", "g/dL"}, {"TBIL", "11", "umol/L"}, {"AST", "25", "U/L"}, {"ALT", "27", "U/L"},
        {"CREAT", "80", "umol/L"}}) {
      f.put(lab[0] + "_value", lab[1]);
      f.put(lab[0] + "_unit", lab[2]);
    }
    f.put("TBIL_uln", "21");
    f.put("AST_uln", "40");
    f.put("ALT_uln", "40");
    f.put("CREAT_uln", "110");
    return f;
  }

  private void report(int users, int warmup, double elapsed, long stored) {
    System.out.printf("%nWeb load benchmark: %d users, %.0f s after a %d s warm-up, %d requests (%.1f/s), %d errors,"
        + " %d saves acknowledged, %d stored%n", users, elapsed, warmup, requests.get(), requests.get() / elapsed,
        errors.get(), acknowledged.size(), stored);
    System.out.printf("think time %d ms (mean); connection pool %s; load average %.2f at the end%n", thinkMillis,
        poolSize,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    table(times, cpu);
    System.out.printf("%nWarm-up (requests begun in the first %d s, sign-ins included; not in the table above):%n",
        warmup);
    table(warmTimes, warmCpu);
  }

  private static void table(Map<String, List<Long>> times, Map<String, List<Long>> cpu) {
    System.out.printf("%-20s %8s %8s %8s %8s %8s %9s %9s%n", "page", "count", "p50 ms", "p95 ms", "p99 ms",
        "max ms", "cpu50 ms", "cpu-mean");
    List<Long> all = new ArrayList<>();
    times.forEach((page, list) -> {
      List<Long> v;
      synchronized (list) {
        v = new ArrayList<>(list);
      }
      all.addAll(v);
      line(page, v, cpuOf(cpu, page));
    });
    List<Long> allCpu = new ArrayList<>();
    cpu.keySet().forEach(page -> allCpu.addAll(cpuOf(cpu, page)));
    line("all", all, allCpu);
  }

  private static List<Long> cpuOf(Map<String, List<Long>> cpu, String page) {
    List<Long> list = cpu.getOrDefault(page, List.of());
    synchronized (list) {
      return new ArrayList<>(list);
    }
  }

  private static void line(String page, List<Long> v, List<Long> c) {
    Collections.sort(v);
    Collections.sort(c);
    double mean = c.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    System.out.printf("%-20s %8d %8.1f %8.1f %8.1f %8.1f %9.2f %9.2f%n", page, v.size(), q(v, 0.50), q(v, 0.95),
        q(v, 0.99), v.isEmpty() ? 0 : v.get(v.size() - 1) / 1e6, q(c, 0.50), mean);
  }

  private static double q(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1))
        / 1e6;
  }
}
