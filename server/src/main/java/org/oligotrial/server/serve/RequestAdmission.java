package org.oligotrial.server.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.oligotrial.server.security.Problems;

/**
 * Lets at most {@code limit} API requests run at once and queues the others first come, first served (a fair
 * semaphore), for at most {@code maxWaitMillis}, after which the request is refused with 503 and a
 * {@code Retry-After} header.
 *
 * <p>Why: on a small machine, more requests running at once than there are database connections only makes them
 * queue inside the connection pool, which is not first come, first served (a returning thread, or a newly arrived
 * one, can take a connection before one that has waited), and each request borrows a connection more than once
 * (token check, then the transaction). The unlucky ones wait several turns: on the registration benchmark (32
 * clients, 2 cores) that was most of the p99. Queued here, each request waits its turn once and then finds a free
 * connection. Thread-safe.
 */
public final class RequestAdmission implements Filter {
  private final Semaphore permits;
  private final int limit;
  private final long maxWaitMillis;

  /**
   * @param limit requests that may run at once (at least 1)
   * @param maxWaitMillis how long a request may wait for its turn before it is refused
   */
  public RequestAdmission(int limit, long maxWaitMillis) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    this.limit = limit;
    this.permits = new Semaphore(limit, true);
    this.maxWaitMillis = maxWaitMillis;
  }

  /** Requests that may run at once. */
  public int limit() {
    return limit;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    boolean admitted;
    try {
      admitted = permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      HttpServletResponse http = (HttpServletResponse) res;
      http.setHeader("Retry-After", "1");
      Problems.write(http, 503, "Service Unavailable", "the server is busy; try again shortly");
      return;
    }
    try {
      chain.doFilter(req, res);
    } finally {
      permits.release();
    }
  }
}
