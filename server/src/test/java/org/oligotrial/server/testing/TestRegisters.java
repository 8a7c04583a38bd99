package org.oligotrial.server.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.oligotrial.server.database.Databases;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.user.Actor;
import org.oligotrial.server.user.Role;
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

  /** The register on a migrated pool, with the scripted evaluator. */
  public static Register on(HikariDataSource ds) {
    return Register.on(ds, new ScriptedEvaluator(), new BCryptPasswordEncoder(4), Clock.systemUTC());
  }

  /** An administrator actor for set-up. */
  public static Actor admin() {
    return new Actor("admin", Role.ADMINISTRATOR, Set.of());
  }
}
