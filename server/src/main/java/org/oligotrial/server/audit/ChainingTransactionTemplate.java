package org.oligotrial.server.audit;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transaction template of the register's services: after an outermost transaction commits, has its audit rows
 * chained ({@link AuditTrail#chainSoon}: at once, or by the server's background chainer). A failure to chain does
 * not fail the committed change: the rows stay pending and the next chaining (or the next start) takes them.
 */
public final class ChainingTransactionTemplate extends TransactionTemplate {
  private final transient AuditTrail audit;

  public ChainingTransactionTemplate(PlatformTransactionManager tm, AuditTrail audit) {
    super(tm);
    this.audit = audit;
  }

  @Override
  public <T> T execute(TransactionCallback<T> action) throws TransactionException {
    boolean outermost = !TransactionSynchronizationManager.isActualTransactionActive();
    T result = super.execute(action);
    if (outermost) {
      audit.chainAfterCommit();
    }
    return result;
  }
}
