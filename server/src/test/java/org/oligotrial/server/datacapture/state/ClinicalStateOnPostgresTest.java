package org.oligotrial.server.datacapture.state;

import org.oligotrial.server.testing.PostgresTestDatabase;

/** Dates, statuses, CONSORT and re-derivation on PostgreSQL, in a fresh database dropped afterwards. */
class ClinicalStateOnPostgresTest extends ClinicalStateContract {
  private PostgresTestDatabase db;

  @Override
  protected String openDatabase() {
    db = PostgresTestDatabase.create();
    return db.url();
  }

  @Override
  protected void closeDatabase() {
    db.close();
  }
}
