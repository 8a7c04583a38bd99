package org.oligotrial.server.serve;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.register.Register;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code serve --demo}: on a database without sites, creates two demo sites, one user per role (random passwords,
 * printed once) and a handful of synthetic participants: of the eligible ones at DEMO1, two are consented and
 * randomized and one is consented and waits for randomization. Does nothing when sites exist.
 */
@Component
@ConditionalOnProperty(name = "oligotrial.demo", havingValue = "true")
class DemoData implements ApplicationRunner {
  private final Register register;
  private final RandomizationService randomization;
  private final SecureRandom random = new SecureRandom();
  /** Printed names of the demo users (shown with their electronic signatures); invented. */
  private static final Map<String, String> NAMES = Map.of("investigator1", "Dr Demo Investigator",
      "coordinator1", "Demo Coordinator One", "coordinator2", "Demo Coordinator Two");

  DemoData(Register register, RandomizationService randomization) {
    this.register = register;
    this.randomization = randomization;
  }

  @Override
  public void run(ApplicationArguments args) {
    seed(System.out);
  }

  void seed(PrintStream out) {
    if (!register.sites().list().isEmpty()) {
      out.println("demo: the database already has sites; nothing added");
      return;
    }
    Actor setup = new Actor("demo-setup", Role.ADMINISTRATOR, Set.of());
    register.sites().add(setup, "DEMO1", "Demo Hospital One");
    register.sites().add(setup, "DEMO2", "Demo Hospital Two");
    Map<String, Object[]> users = new LinkedHashMap<>();
    users.put("admin", new Object[] {Role.ADMINISTRATOR, Set.of()});
    users.put("investigator1", new Object[] {Role.INVESTIGATOR, Set.of("DEMO1")});
    users.put("coordinator1", new Object[] {Role.COORDINATOR, Set.of("DEMO1")});
    users.put("coordinator2", new Object[] {Role.COORDINATOR, Set.of("DEMO2")});
    users.put("datamanager1", new Object[] {Role.DATA_MANAGER, Set.of("DEMO1")});
    users.put("monitor1", new Object[] {Role.MONITOR, Set.of("DEMO1", "DEMO2")});
    users.put("statistician", new Object[] {Role.STATISTICIAN, Set.of()});
    out.println("demo: users created (passwords are shown only now):");
    String investigatorPassword = null;
    for (Map.Entry<String, Object[]> u : users.entrySet()) {
      String password = password();
      if (u.getKey().equals("investigator1")) {
        investigatorPassword = password;
      }
      @SuppressWarnings("unchecked")
      Set<String> sites = (Set<String>) u.getValue()[1];
      register.users().add(setup, u.getKey(), (Role) u.getValue()[0], sites, password, NAMES.get(u.getKey()));
      out.printf("  %-14s %-14s %s%n", u.getKey(), ((Role) u.getValue()[0]).name().toLowerCase(), password);
    }
    Actor c1 = register.users().find("coordinator1").orElseThrow().actor();
    Actor c2 = register.users().find("coordinator2").orElseThrow().actor();
    Actor i1 = register.users().find("investigator1").orElseThrow().actor();
    int randomized = 0;
    for (int i = 1; i <= 4; i++) {
      String id = register.participants()
          .register(c1, "DEMO1", "DEMO1-" + String.format("%03d", i), DemoRecords.record(i)).participant().id();
      if (register.participants().history(c1, id).participant().status() == ParticipantStatus.ELIGIBLE) {
        register.participants().recordConsent(c1, id, new Consent("ICF v1.0", LocalDate.of(2025, 3, 11),
            "investigator1"), null);
        if (i <= 2) {
          // signed by the investigator as on the web: password re-entered, meaning approval
          randomization.randomizeSigned(i1, id, randomization.preview(i1, id).confirmFactors(), investigatorPassword);
          randomized++;
        }
      }
    }
    for (int i = 5; i <= 6; i++) {
      register.participants().register(c2, "DEMO2", "DEMO2-" + String.format("%03d", i), DemoRecords.record(i));
    }
    out.println("demo: 2 sites, " + users.size() + " users, 6 synthetic participants (" + randomized
        + " randomized)");
    out.flush();
  }

  private String password() {
    byte[] b = new byte[15];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
