package org.oligotrial.server.register;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.oligotrial.server.audit.AuditKeys;
import org.oligotrial.server.audit.AuditVerifier;
import org.oligotrial.server.audit.AuditStore;
import org.oligotrial.server.database.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The register opened directly for an operator command ({@code users add}, {@code sites add}, {@code audit verify}):
 * a small pool, migrations applied, no web server. Close it when done.
 */
public final class OperatorSession implements AutoCloseable {
  private final HikariDataSource ds;
  private final Register register;

  private OperatorSession(HikariDataSource ds, Register register) {
    this.ds = ds;
    this.register = register;
  }

  /** Opens and migrates the database at {@code url}, with the audit keys where {@link AuditStore} finds them. */
  public static OperatorSession open(String url) {
    return open(url, AuditStore.of(null, null));
  }

  /** Opens and migrates the database at {@code url}, with the audit keys of {@code store}. */
  public static OperatorSession open(String url, AuditStore store) {
    quietLogging();
    HikariDataSource ds = Databases.open(url, 2);
    try {
      Databases.migrate(ds, url);
      // keys are made only for a trail that never had any: an operator command pointed at the wrong directory must
      // not make new keys and then refuse the server's pending rows as forged
      AuditKeys keys = AuditKeys.load(store.keyDirectory(), !AuditVerifier.keyedBefore(JdbcClient.create(ds)));
      // no scripted evaluator: each trial's screenings are evaluated under its own protocol versions
      Register r = Register.on(ds, null, PasswordEncoderFactories.createDelegatingPasswordEncoder(), Clock.systemUTC(),
          keys);
      r.audit().chainAll(); // rows a crashed server left pending
      return new OperatorSession(ds, r);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }

  /** Keeps pool and migration chatter off the command's output: warnings and errors only. */
  private static void quietLogging() {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
      ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
      ctx.getLogger("org.flywaydb.core.internal.database.base.Database").setLevel(ch.qos.logback.classic.Level.ERROR);
    }
  }

  public Register register() {
    return register;
  }

  @Override
  public void close() {
    ds.close();
  }
}
