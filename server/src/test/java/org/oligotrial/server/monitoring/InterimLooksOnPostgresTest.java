package org.oligotrial.server.monitoring;

import org.oligotrial.server.testing.PostgresTestDatabase;

/** Interim looks on PostgreSQL, in a fresh database dropped afterwards. */
class InterimLooksOnPostgresTest extends InterimLooksContract {
  private PostgresTestDatabase db;

  @Override
  String openDatabase() {
    db = PostgresTestDatabase.create();
    return db.url();
  }

  @Override
  void closeDatabase() {
    db.close();
  }
}
