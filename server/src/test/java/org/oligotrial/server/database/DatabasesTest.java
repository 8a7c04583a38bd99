package org.oligotrial.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.testing.PostgresTestDatabase;

class DatabasesTest {
  @Test
  void postgresConnectionsRewriteBatchedInsertsAndH2OnesAreLeftAsGiven() {
    assertThat(Databases.driverProperties("jdbc:postgresql://db:5432/trial"))
        .containsExactly(java.util.Map.entry("reWriteBatchedInserts", "true"));
    assertThat(Databases.driverProperties("jdbc:h2:mem:x")).isEmpty();
  }

  @Test
  void tellsPostgresFromH2ByTheDriversMetadata() throws Exception {
    try (HikariDataSource h2 = Databases.open("jdbc:h2:mem:databases-test", 1)) {
      assertThat(Databases.isPostgres(h2)).isFalse();
    }
    try (PostgresTestDatabase db = PostgresTestDatabase.create();
        HikariDataSource pg = Databases.open(db.url(), 2);
        Connection c = pg.getConnection()) {
      assertThat(Databases.isPostgres(pg)).isTrue();
      // the pool's connections have the driver property set
      assertThat(c.unwrap(org.postgresql.core.BaseConnection.class).getQueryExecutor()
          .isReWriteBatchedInsertsEnabled()).isTrue();
    }
  }
}
