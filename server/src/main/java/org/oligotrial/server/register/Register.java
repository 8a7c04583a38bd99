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
import org.oligotrial.server.participant.TrialScreeningEvaluator;
import org.oligotrial.server.site.SiteService;
import org.oligotrial.server.trial.TrialRegistry;
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
 *
 * <p>Trials: the register holds the {@link TrialRegistry}; {@link #participants()} are the default trial's and
 * {@link #participants(String)} any trial's. The screening evaluator given to {@code on(...)} evaluates the default
 * trial's screenings (tests script verdicts with one); null lets every trial's screenings be evaluated under its own
 * protocol versions ({@link TrialScreeningEvaluator}), as the server and the operator commands do.
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
  private final TrialRegistry trials;
  private final org.oligotrial.server.trial.ResultsRelease results;
  private final ScreeningEvaluator evaluator;
  private final Clock clock;
  private final java.util.concurrent.ConcurrentMap<String, ParticipantService> trialParticipants =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Register(DataSource ds, PlatformTransactionManager tm, ScreeningEvaluator evaluator,
      PasswordEncoder encoder, Clock clock, AuditKeys keys) {
    this.jdbc = JdbcClient.create(ds);
    this.postgres = Databases.isPostgres(ds);
    this.audit = new AuditTrail(jdbc, new JdbcTemplate(ds), new TransactionTemplate(tm), clock, postgres, keys);
    this.tx = new ChainingTransactionTemplate(tm, audit);
    this.sites = new SiteService(jdbc, tx, audit, clock);
    this.tokenCache = new TokenCache();
    this.trials = new TrialRegistry(jdbc, tx, audit, clock, sites);
    this.results = new org.oligotrial.server.trial.ResultsRelease(jdbc, tx, audit, trials, clock);
    // a site added takes part in the default trial; other trials enrol it with 'trials enrol-site'
    this.sites.onAdded(trials::enrolInDefault);
    this.users = new UserService(jdbc, tx, audit, sites, encoder, clock, tokenCache, trials::defaultId);
    this.tokens = new ApiTokenService(jdbc, tx, audit, clock, tokenCache, trials::defaultId);
    this.throttle = new LoginThrottle(jdbc, tx, audit, clock, tokenCache);
    this.signatures = new ElectronicSignatures(jdbc, audit, users, throttle, clock);
    this.secondFactor = new SecondFactor(jdbc, tx, audit, clock);
    this.evaluator = evaluator;
    this.clock = clock;
    String defaultTrial = trials.defaultId();
    this.participants = new ParticipantService(jdbc, tx, audit, sites, evaluatorFor(defaultTrial, defaultTrial), clock,
        defaultTrial, code -> trials.hasSite(defaultTrial, code));
    this.trialParticipants.put(defaultTrial, participants);
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

  /** The trials the server holds and their protocol versions. */
  public TrialRegistry trials() {
    return trials;
  }

  /** The release of each trial's comparative (by-arm) results. */
  public org.oligotrial.server.trial.ResultsRelease results() {
    return results;
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

  /** The default trial's participants (as it was when the register was made). */
  public ParticipantService participants() {
    return participants;
  }

  /**
   * The participants of one trial (made on first use, then kept): reads and writes limited to that trial.
   *
   * @throws org.oligotrial.server.kernel.RecordNotFoundException when the server holds no such trial
   */
  public ParticipantService participants(String trialId) {
    ParticipantService p = trialParticipants.get(trialId);
    if (p != null) {
      return p;
    }
    trials.get(trialId);
    return trialParticipants.computeIfAbsent(trialId, t -> new ParticipantService(jdbc, tx, audit, sites,
        evaluatorFor(t, participants.trialId()), clock, t, code -> trials.hasSite(t, code)));
  }

  /**
   * The evaluator of a trial's screenings: the one given to the register for the default trial when one was given
   * (tests script verdicts), else the trial's own protocol versions ({@link TrialScreeningEvaluator}).
   */
  private ScreeningEvaluator evaluatorFor(String trialId, String defaultTrial) {
    return evaluator != null && trialId.equals(defaultTrial) ? evaluator : new TrialScreeningEvaluator(trials, trialId);
  }
}
