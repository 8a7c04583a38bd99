package org.oligotrial.server.register;

import java.time.Clock;
import java.time.Duration;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.audit.CheckpointLog;
import org.oligotrial.server.audit.Checkpointer;
import org.springframework.beans.factory.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the server: at start, chains audit rows that a crash left pending (before anything else runs), then hands
 * chaining to the audit trail's background chainer, so requests return right after their own commit; at shutdown,
 * stops the chainer and chains what is left. The chainer also signs the checkpoints ({@link Checkpointer}: every
 * {@code oligotrial.audit.checkpoint-rows} rows, default 1000, or {@code oligotrial.audit.checkpoint-seconds}, default
 * 60, and one at shutdown).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditChaining implements ApplicationRunner, DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(AuditChaining.class);
  private final AuditTrail audit;
  private final Checkpointer checkpointer;

  AuditChaining(Register register, CheckpointLog log, Clock clock,
      @Value("${oligotrial.audit.checkpoint-rows:1000}") long everyRows,
      @Value("${oligotrial.audit.checkpoint-seconds:60}") long everySeconds) {
    this.audit = register.audit();
    this.checkpointer = new Checkpointer(audit, register.jdbc(), log, clock, everyRows, Duration.ofSeconds(everySeconds));
  }

  @Override
  public void run(ApplicationArguments args) {
    int n = audit.chainAll();
    if (n > 0) {
      LOG.info("chained {} audit entries left pending by the previous run", n);
    }
    audit.attachCheckpointer(checkpointer);
    audit.startBackgroundChaining();
  }

  @Override
  public void destroy() {
    audit.stopBackgroundChaining();
  }
}
