package org.oligotrial.server.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.oligotrial.server.audit.AuditKeys;
import org.oligotrial.server.database.Databases;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.register.Register;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Registers on fresh databases, with a fast BCrypt (cost 4) so that tests stay quick. */
public final class TestRegisters {
  private TestRegisters() {}

  /** A fresh in-memory H2 URL. */
  public static String freshH2Url() {
    return "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
  }

  /** A migrated pool on the URL. */
  public static HikariDataSource migrated(String url, int pool) {
    HikariDataSource ds = Databases.open(url, pool);
    Databases.migrate(ds, url);
    return ds;
  }

  /**
   * The register on a migrated pool, with the scripted evaluator and the audit keys the operator commands of the same
   * test run use ({@link #auditKeys}), so that a command run on a database a test wrote finds the trail's keys, as an
   * operator's command finds the server's.
   */
  public static Register on(HikariDataSource ds) {
    return Register.on(ds, new ScriptedEvaluator(), new BCryptPasswordEncoder(4), Clock.systemUTC(), auditKeys());
  }

  private static AuditKeys keys;

  /**
   * The keys in {@code $OLIGOTRIAL_AUDIT_KEYS} (the build sets it to a directory under {@code target/}), made there on
   * first use; this process's ephemeral keys where it is not set.
   */
  public static synchronized AuditKeys auditKeys() {
    if (keys == null) {
      String dir = System.getenv("OLIGOTRIAL_AUDIT_KEYS");
      keys = dir == null || dir.isBlank() ? AuditKeys.ephemeral() : AuditKeys.loadOrCreate(Path.of(dir));
    }
    return keys;
  }

  /**
   * Sites A and B with one user per role, all with {@code password}: admin, inv.a, coord.a, dm.a, mon.a (site A),
   * stat (all sites) and coord.b (site B). Does nothing when site A exists already, so test classes sharing one
   * application context can all call it.
   */
  public static synchronized void twoSitesWithOneUserPerRole(Register register, String password) {
    if (register.sites().find("A").isPresent()) {
      return;
    }
    Actor admin = admin();
    register.sites().add(admin, "A", "Site A");
    register.sites().add(admin, "B", "Site B");
    register.users().add(admin, "admin", Role.ADMINISTRATOR, Set.of(), password);
    register.users().add(admin, "inv.a", Role.INVESTIGATOR, Set.of("A"), password);
    register.users().add(admin, "coord.a", Role.COORDINATOR, Set.of("A"), password);
    register.users().add(admin, "dm.a", Role.DATA_MANAGER, Set.of("A"), password);
    register.users().add(admin, "mon.a", Role.MONITOR, Set.of("A"), password);
    register.users().add(admin, "stat", Role.STATISTICIAN, Set.of(), password);
    register.users().add(admin, "coord.b", Role.COORDINATOR, Set.of("B"), password);
  }

  /** An administrator actor for set-up. */
  public static Actor admin() {
    return new Actor("admin", Role.ADMINISTRATOR, Set.of());
  }
}
