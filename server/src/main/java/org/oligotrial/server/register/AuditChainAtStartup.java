package org.oligotrial.server.register;

import org.oligotrial.server.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At server start, chains audit rows that a crash left pending (before anything else runs). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditChainAtStartup implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(AuditChainAtStartup.class);
  private final AuditTrail audit;

  AuditChainAtStartup(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void run(ApplicationArguments args) {
    int n = audit.chainAll();
    if (n > 0) {
      LOG.info("chained {} audit rows left pending by the previous run", n);
    }
  }
}
