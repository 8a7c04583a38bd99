package org.oligotrial.server.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestAdmissionTest {
  @Test
  void neverRunsMoreThanTheLimitAtOnce() throws Exception {
    RequestAdmission admission = new RequestAdmission(3, 10_000);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<Integer>> done = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 60; i++) {
        done.add(pool.submit(() -> {
          MockHttpServletResponse res = new MockHttpServletResponse();
          admission.doFilter(new MockHttpServletRequest(), res, (q, r) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(2);
            running.decrementAndGet();
          });
          return res.getStatus();
        }));
      }
      for (Future<Integer> f : done) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(most.get()).isEqualTo(3);
  }

  @Test
  void admitsWaitingRequestsInTheOrderTheyArrived() throws Exception {
    RequestAdmission admission = new RequestAdmission(1, 10_000);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> order = new CopyOnWriteArrayList<>();
    Thread first = new Thread(() -> run(admission, () -> await(release)));
    first.start();
    waitUntil(() -> first.getState() == Thread.State.TIMED_WAITING);
    // five more arrive one after the other while the first holds the only place
    List<Thread> waiting = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      Thread t = new Thread(() -> run(admission, () -> order.add(n)));
      t.start();
      waitUntil(() -> t.getState() == Thread.State.TIMED_WAITING);
      waiting.add(t);
    }
    release.countDown();
    first.join(10_000);
    for (Thread t : waiting) {
      t.join(10_000);
    }
    assertThat(order).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void refusesWith503AndRetryAfterWhenTheWaitRunsOut() throws Exception {
    RequestAdmission admission = new RequestAdmission(1, 50);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> run(admission, () -> await(release)));
    holder.start();
    waitUntil(() -> holder.getState() == Thread.State.TIMED_WAITING);
    MockHttpServletResponse res = new MockHttpServletResponse();
    boolean[] ran = {false};
    admission.doFilter(new MockHttpServletRequest(), res, (q, r) -> ran[0] = true);
    release.countDown();
    holder.join(10_000);
    assertThat(ran[0]).isFalse();
    assertThat(res.getStatus()).isEqualTo(503);
    assertThat(res.getHeader("Retry-After")).isEqualTo("1");
    assertThat(res.getContentType()).startsWith("application/problem+json");
    assertThat(res.getContentAsString()).contains("\"status\":503").contains("busy");
    // the place is given back after a refusal and after an exception in the chain alike
    MockHttpServletResponse after = new MockHttpServletResponse();
    assertThatThrownBy(() -> admission.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
        (q, r) -> {
          throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
    admission.doFilter(new MockHttpServletRequest(), after, (q, r) -> {});
    assertThat(after.getStatus()).isEqualTo(200);
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> new RequestAdmission(0, 100)).hasMessageContaining("at least 1");
  }

  private static void run(RequestAdmission admission, Runnable body) {
    try {
      admission.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (q, r) -> body.run());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition reached within 10 s").isLessThan(deadline);
      Thread.sleep(1);
    }
  }
}
