package org.oligotrial.server.register;

import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.oligotrial.server.audit.AuditKeys;
import org.oligotrial.server.audit.AuditStore;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.audit.CheckpointLog;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.participant.ScreeningEvaluator;
import org.oligotrial.server.site.SiteService;
import org.oligotrial.server.trial.TrialRegistry;
import org.oligotrial.server.user.ApiTokenService;
import org.oligotrial.server.user.UserService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Makes the {@link Register} and its services Spring beans on the application's data source (migrated by Flyway at
 * start-up) and transaction manager.
 *
 * <p>Passwords: Spring Security's {@link DelegatingPasswordEncoder} with BCrypt (cost {@code
 * oligotrial.security.bcrypt-cost}, default 10), so hashes carry their algorithm ({@code {bcrypt}...}) and can be
 * upgraded later.
 */
@Configuration(proxyBeanMethods = false)
public class RegisterConfiguration {
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  PasswordEncoder passwordEncoder(@Value("${oligotrial.security.bcrypt-cost:10}") int cost) {
    return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(cost)));
  }

  /** Where the audit keys and checkpoint log are: {@link AuditStore}'s order, the properties first. */
  @Bean
  AuditStore auditStore(@Value("${oligotrial.audit.key-dir:}") String keyDir,
      @Value("${oligotrial.audit.checkpoint-log:}") String checkpointLog) {
    return AuditStore.of(keyDir, checkpointLog);
  }

  @Bean
  AuditKeys auditKeys(AuditStore store) {
    return AuditKeys.loadOrCreate(store.keyDirectory());
  }

  @Bean
  CheckpointLog checkpointLog(AuditStore store) {
    return new CheckpointLog(store.logDirectory());
  }

  /** After the migrations: the register reads the default trial when it is made. */
  @Bean
  @org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization
  Register register(DataSource ds, PlatformTransactionManager tm,
      org.springframework.beans.factory.ObjectProvider<ScreeningEvaluator> evaluator, PasswordEncoder encoder,
      Clock clock, AuditKeys keys) {
    // no evaluator bean (production): each trial's screenings are evaluated under its own protocol versions
    return Register.on(ds, tm, evaluator.getIfAvailable(), encoder, clock, keys);
  }

  @Bean
  AuditTrail auditTrail(Register r) {
    return r.audit();
  }

  @Bean
  TrialRegistry trialRegistry(Register r) {
    return r.trials();
  }

  @Bean
  SiteService siteService(Register r) {
    return r.sites();
  }

  @Bean
  UserService userService(Register r) {
    return r.users();
  }

  @Bean
  ApiTokenService apiTokenService(Register r) {
    return r.tokens();
  }

  @Bean
  ParticipantService participantService(Register r) {
    return r.participants();
  }
}
