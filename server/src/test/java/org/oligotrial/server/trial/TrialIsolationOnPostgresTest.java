package org.oligotrial.server.trial;

import org.oligotrial.server.testing.PostgresTestDatabase;

/** Two trials side by side on PostgreSQL. */
class TrialIsolationOnPostgresTest extends TrialIsolationContract {
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
