package org.oligotrial.server.randomization;

import org.oligotrial.server.testing.PostgresTestDatabase;

/** Randomization on PostgreSQL, in a fresh database dropped afterwards. */
class RandomizationOnPostgresTest extends RandomizationContract {
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
