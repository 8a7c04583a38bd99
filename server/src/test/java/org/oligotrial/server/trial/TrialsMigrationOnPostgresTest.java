package org.oligotrial.server.trial;

import org.oligotrial.server.testing.PostgresTestDatabase;

/** Migration V60 from a V58 database with rows, on PostgreSQL. */
class TrialsMigrationOnPostgresTest extends TrialsMigrationContract {
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
