package org.oligotrial.server.security;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.oligotrial.server.register.Register;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the failed sign-in audit rows whose minute is over every 5 seconds, and every pending one at shutdown (see
 * {@link org.oligotrial.server.user.LoginThrottle}).
 */
@Component
class FailedSignInAuditFlush {
  private static final Logger LOG = LoggerFactory.getLogger(FailedSignInAuditFlush.class);

  private final Register register;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "failed-sign-in-audit");
    t.setDaemon(true);
    return t;
  });

  FailedSignInAuditFlush(Register register) {
    this.register = register;
    timer.scheduleWithFixedDelay(this::flush, 5, 5, TimeUnit.SECONDS);
  }

  private void flush() {
    try {
      register.throttle().flushAudit();
    } catch (RuntimeException e) {
      LOG.warn("failed sign-ins not audited yet (retried in 5 s): {}", e.toString());
    }
  }

  @PreDestroy
  void stop() {
    timer.shutdownNow();
    try {
      register.throttle().flushAuditNow();
    } catch (RuntimeException e) {
      LOG.warn("failed sign-ins of the last minute not audited at shutdown: {}", e.toString());
    }
  }
}
