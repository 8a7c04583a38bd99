package org.oligotrial.server.crash;

import org.junit.jupiter.api.AfterEach;
import org.oligotrial.server.testing.PostgresTestDatabase;

/** The crash test on PostgreSQL, in a fresh database dropped afterwards. */
class CrashRecoveryOnPostgresTest extends CrashRecoveryContract {
  private PostgresTestDatabase db;

  @Override
  String url() {
    db = PostgresTestDatabase.create();
    return db.url();
  }

  @AfterEach
  void drop() {
    if (db != null) {
      db.close();
    }
  }
}
