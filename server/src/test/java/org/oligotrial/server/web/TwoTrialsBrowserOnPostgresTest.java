package org.oligotrial.server.web;

import org.junit.jupiter.api.AfterAll;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.testing.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link TwoTrialsBrowserContract} on PostgreSQL: a fresh database on the server named by {@code OLIGOTRIAL_PG_URL},
 * else on an embedded PostgreSQL ({@link PostgresTestDatabase}).
 */
@SpringBootTest(
    classes = ServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"oligotrial.security.bcrypt-cost=4", "logging.level.root=warn"})
class TwoTrialsBrowserOnPostgresTest extends TwoTrialsBrowserContract {
  private static PostgresTestDatabase db;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    r.add("spring.datasource.url", () -> {
      if (db == null) {
        db = PostgresTestDatabase.create();
      }
      return db.url();
    });
  }

  @AfterAll
  static void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }
}
