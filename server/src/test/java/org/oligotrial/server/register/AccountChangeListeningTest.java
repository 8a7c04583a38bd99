package org.oligotrial.server.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.testing.PostgresTestDatabase;
import org.oligotrial.server.testing.TestRegisters;

class AccountChangeListeningTest {
  @Test
  void theTokenCacheIsEnabledOnPostgresqlWhileTheServerRunsAndOnlyThere() throws Exception {
    try (PostgresTestDatabase db = PostgresTestDatabase.create();
        HikariDataSource ds = TestRegisters.migrated(db.url(), 2)) {
      Register r = TestRegisters.on(ds);
      AccountChangeListening off = new AccountChangeListening(r, ds, false);
      off.run(null);
      assertThat(off.started()).isFalse();

      AccountChangeListening on = new AccountChangeListening(r, ds, true);
      on.run(null);
      assertThat(on.started()).isTrue();
      for (int i = 0; i < 500 && !r.tokenCache().enabled(); i++) {
        Thread.sleep(20);
      }
      assertThat(r.tokenCache().enabled()).isTrue();
      on.destroy();
      assertThat(r.tokenCache().enabled()).isFalse();
    }
    try (HikariDataSource ds = TestRegisters.migrated(TestRegisters.freshH2Url(), 2)) {
      AccountChangeListening h2 = new AccountChangeListening(TestRegisters.on(ds), ds, true);
      h2.run(null);
      assertThat(h2.started()).isFalse();
    }
  }
}
