package org.oligotrial.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.PostgresTestDatabase;
import org.oligotrial.server.testing.TestRegisters;

/**
 * The API token cache on PostgreSQL, kept honest by notifications: {@code here} is the server whose cache is under
 * test, {@code elsewhere} another process on the same database (its own pool and register, as an operator command
 * or a second server would be).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountChangeListenerOnPostgresTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private PostgresTestDatabase db;
  private HikariDataSource hereDs;
  private HikariDataSource elsewhereDs;
  private Register here;
  private Register elsewhere;
  private AccountChangeListener listener;
  private Actor coord;

  @BeforeAll
  void setUp() {
    db = PostgresTestDatabase.create();
    hereDs = TestRegisters.migrated(db.url(), 4);
    elsewhereDs = TestRegisters.migrated(db.url(), 2);
    here = TestRegisters.on(hereDs);
    elsewhere = TestRegisters.on(elsewhereDs);
    here.sites().add(TestRegisters.admin(), "A", "Site A");
    for (String u : new String[] {"coord.a", "coord.b", "coord.c", "coord.d", "coord.e"}) {
      here.users().add(TestRegisters.admin(), u, Role.COORDINATOR, Set.of("A"), "correct horse battery");
    }
    coord = new Actor("coord.a", Role.COORDINATOR, Set.of("A"));
    listener = new AccountChangeListener(here.tokenCache(), () -> DriverManager.getConnection(db.url()));
    listener.start();
    await("the listener listens", () -> here.tokenCache().enabled());
  }

  @AfterAll
  void tearDown() {
    listener.stop();
    hereDs.close();
    elsewhereDs.close();
    db.close();
  }

  @Test
  void aCheckedTokenIsServedFromTheCache() throws Exception {
    String token = here.tokens().create(coord, "t1", Duration.ofDays(1)).token();
    // revoked behind the notifications' back (triggers off, as only a database administrator could): the cache
    // still answers, which shows that it answered without the database. The token's own creation is a notified
    // change that may reach the listener at any moment (late on a loaded machine) and empty the cache; a round in
    // which any invalidation ran (the generation moved) proves nothing, and is tried again.
    boolean servedFromCache = false;
    for (int round = 0; round < 50 && !servedFromCache; round++) {
      withoutTriggers("UPDATE api_token SET revoked = FALSE WHERE label = 't1'");
      long generation = here.tokenCache().generation();
      assertThat(here.tokens().authenticate(token)).isPresent();
      withoutTriggers("UPDATE api_token SET revoked = TRUE WHERE label = 't1'");
      var second = here.tokens().authenticate(token);
      if (here.tokenCache().generation() == generation) {
        assertThat(second).as("served from the cache, not the revoked row").isPresent();
        servedFromCache = true;
      } else {
        Thread.sleep(100);
      }
    }
    assertThat(servedFromCache).as("a round without any invalidation").isTrue();
    // any notified change empties the cache, and the database has the last word again
    elsewhere.tokens().create(coord, "t1-other", Duration.ofDays(1));
    await("the revocation is seen", () -> here.tokens().authenticate(token).isEmpty());
  }

  @Test
  void aRevocationByAnotherProcessEmptiesTheCache() {
    Actor b = new Actor("coord.b", Role.COORDINATOR, Set.of("A"));
    var t = here.tokens().create(b, "t2", Duration.ofDays(1));
    assertThat(here.tokens().authenticate(t.token())).isPresent();
    assertThat(elsewhere.tokens().revoke(b, t.id(), "lost laptop")).isTrue();
    await("the revocation is seen", () -> here.tokens().authenticate(t.token()).isEmpty());
  }

  @Test
  void aPasswordChangeInAnotherProcessEmptiesTheCache() {
    Actor c = new Actor("coord.c", Role.COORDINATOR, Set.of("A"));
    String token = here.tokens().create(c, "t3", Duration.ofDays(1)).token();
    assertThat(here.tokens().authenticate(token)).isPresent();
    elsewhere.users().changePassword("coord.c", "correct horse battery", "another long password", "another long password");
    await("the revocation by the password change is seen", () -> here.tokens().authenticate(token).isEmpty());
  }

  @Test
  void aRevocationInThisProcessIsSeenAtOnce() {
    Actor d = new Actor("coord.d", Role.COORDINATOR, Set.of("A"));
    var t = here.tokens().create(d, "t4", Duration.ofDays(1));
    assertThat(here.tokens().authenticate(t.token())).isPresent();
    here.tokens().revoke(d, t.id(), null);
    assertThat(here.tokens().authenticate(t.token())).isEmpty();
  }

  @Test
  void aListenerThatLosesItsConnectionDropsTheCacheAndListensAgain() throws Exception {
    Actor e = new Actor("coord.e", Role.COORDINATOR, Set.of("A"));
    String token = here.tokens().create(e, "t5", Duration.ofDays(1)).token();
    assertThat(here.tokens().authenticate(token)).isPresent();
    try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
      s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
          + AccountChangeListener.APPLICATION_NAME + "'");
    }
    // a change that no listener heard: the cache was dropped with the connection, so it cannot serve the token
    withoutTriggers("UPDATE api_token SET revoked = TRUE WHERE label = 't5'");
    await("the revocation is seen", () -> here.tokens().authenticate(token).isEmpty());
    await("the listener listens again", () -> here.tokenCache().enabled() && listenerConnected());
    Optional<UserAccount> again = here.tokens().authenticate(
        here.tokens().create(e, "t6", Duration.ofDays(1)).token());
    assertThat(again).isPresent();
  }

  @Test
  void aConnectionThatNotificationsDoNotReachNeverTurnsTheCacheOn() throws Exception {
    // as through a pooler that runs each statement on another server connection: LISTEN is lost
    TokenCache cache = new TokenCache();
    AccountChangeListener deaf = new AccountChangeListener(cache, () -> {
      Connection real = DriverManager.getConnection(db.url());
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            Object result = method.invoke(real, args);
            if (method.getName().equals("createStatement")) {
              Statement st = (Statement) result;
              return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                  (p2, m2, a2) -> m2.getName().equals("execute") && ((String) a2[0]).startsWith("LISTEN")
                      ? Boolean.FALSE : m2.invoke(st, a2));
            }
            return result;
          });
    });
    deaf.start();
    try {
      // past the first heartbeat's deadline and the reconnection after it
      Thread.sleep(TimeUnit.SECONDS.toMillis(AccountChangeListener.HEARTBEAT_TIMEOUT_SECONDS + 2));
      assertThat(cache.enabled()).isFalse();
    } finally {
      deaf.stop();
    }
  }

  private boolean listenerConnected() {
    return here.jdbc().sql("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = :n")
        .param("n", AccountChangeListener.APPLICATION_NAME).query(Long.class).single() == 1;
  }

  private void withoutTriggers(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      s.execute(sql);
    }
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + PATIENCE);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new AssertionError(ex);
      }
    }
  }
}
