package org.oligotrial.server.register;

import org.oligotrial.server.audit.AuditTrail;
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
 * stops the chainer and chains what is left.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditChaining implements ApplicationRunner, DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(AuditChaining.class);
  private final AuditTrail audit;

  AuditChaining(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void run(ApplicationArguments args) {
    int n = audit.chainAll();
    if (n > 0) {
      LOG.info("chained {} audit entries left pending by the previous run", n);
    }
    audit.startBackgroundChaining();
  }

  @Override
  public void destroy() {
    audit.stopBackgroundChaining();
  }
}
