package org.oligotrial.server.register;

import java.time.Clock;
import javax.sql.DataSource;
import org.oligotrial.server.audit.AuditKeys;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.audit.AuditVerifier;
import org.oligotrial.server.audit.ChainingTransactionTemplate;
import org.oligotrial.server.database.Databases;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.participant.ScreeningEvaluator;
import org.oligotrial.server.site.SiteService;
import org.oligotrial.server.user.ApiTokenService;
import org.oligotrial.server.user.ElectronicSignatures;
import org.oligotrial.server.user.LoginThrottle;
import org.oligotrial.server.user.SecondFactor;
import org.oligotrial.server.user.TokenCache;
import org.oligotrial.server.user.UserService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The system of record on one database: sites, users and tokens, participants and the audit trail, wired with
 * programmatic transactions so that the same objects serve the web server, the operator commands and the tests.
 * The schema must be migrated first. Write transactions go through {@link #tx()}, which has their audit rows
 * chained after commit (at once, or by the server's background chainer). Thread-safe.
 */
public final class Register {
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final AuditTrail audit;
  private final SiteService sites;
  private final UserService users;
  private final ApiTokenService tokens;
  private final TokenCache tokenCache;
  private final boolean postgres;
  private final ParticipantService participants;
  private final LoginThrottle throttle;
  private final ElectronicSignatures signatures;
  private final SecondFactor secondFactor;

  private Register(DataSource ds, PlatformTransactionManager tm, ScreeningEvaluator evaluator,
      PasswordEncoder encoder, Clock clock, AuditKeys keys) {
    this.jdbc = JdbcClient.create(ds);
    this.postgres = Databases.isPostgres(ds);
    this.audit = new AuditTrail(jdbc, new JdbcTemplate(ds), new TransactionTemplate(tm), clock, postgres, keys);
    this.tx = new ChainingTransactionTemplate(tm, audit);
    this.sites = new SiteService(jdbc, tx, audit, clock);
    this.tokenCache = new TokenCache();
    this.users = new UserService(jdbc, tx, audit, sites, encoder, clock, tokenCache);
    this.tokens = new ApiTokenService(jdbc, tx, audit, clock, tokenCache);
    this.throttle = new LoginThrottle(jdbc, tx, audit, clock, tokenCache);
    this.signatures = new ElectronicSignatures(jdbc, audit, users, throttle, clock);
    this.secondFactor = new SecondFactor(jdbc, tx, audit, clock);
    this.participants = new ParticipantService(jdbc, tx, audit, sites, evaluator, clock);
  }

  /**
   * The register on a migrated database, with its own transaction manager and this process's ephemeral audit keys
   * ({@link AuditKeys#ephemeral}: tests, embedding).
   */
  public static Register on(DataSource ds, ScreeningEvaluator evaluator, PasswordEncoder encoder, Clock clock) {
    return on(ds, evaluator, encoder, clock, AuditKeys.ephemeral());
  }

  /** The register on a migrated database, with its own transaction manager and the given audit keys. */
  public static Register on(DataSource ds, ScreeningEvaluator evaluator, PasswordEncoder encoder, Clock clock,
      AuditKeys keys) {
    return new Register(ds, new DataSourceTransactionManager(ds), evaluator, encoder, clock, keys);
  }

  /** The register sharing an existing transaction manager (the Spring application's). */
  public static Register on(DataSource ds, PlatformTransactionManager tm, ScreeningEvaluator evaluator,
      PasswordEncoder encoder, Clock clock, AuditKeys keys) {
    return new Register(ds, tm, evaluator, encoder, clock, keys);
  }

  /** As above with this process's ephemeral audit keys. */
  public static Register on(DataSource ds, PlatformTransactionManager tm, ScreeningEvaluator evaluator,
      PasswordEncoder encoder, Clock clock) {
    return on(ds, tm, evaluator, encoder, clock, AuditKeys.ephemeral());
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  public TransactionTemplate tx() {
    return tx;
  }

  /** Whether the database is PostgreSQL (asked once, when the register was made). */
  public boolean isPostgres() {
    return postgres;
  }

  /** The cache of checked API tokens (off until an account-change listener enables it). */
  public TokenCache tokenCache() {
    return tokenCache;
  }

  public AuditTrail audit() {
    return audit;
  }

  public AuditVerifier verifier() {
    return new AuditVerifier(audit, jdbc);
  }

  public SiteService sites() {
    return sites;
  }

  public UserService users() {
    return users;
  }

  public ApiTokenService tokens() {
    return tokens;
  }

  /** Sign-in back-off and the audit of failed sign-ins. */
  public LoginThrottle throttle() {
    return throttle;
  }

  /** Electronic signatures (password re-entered, meaning, printed name, time). */
  public ElectronicSignatures signatures() {
    return signatures;
  }

  /** The optional second sign-in factor (TOTP). */
  public SecondFactor secondFactor() {
    return secondFactor;
  }

  public ParticipantService participants() {
    return participants;
  }
}
