package org.oligotrial.server.datacapture.safety;

import org.oligotrial.server.testing.PostgresTestDatabase;

/** The SAE clock in the sites' time zones on PostgreSQL, in a fresh database dropped afterwards. */
class SeriousEventsInTheSiteZoneOnPostgresTest extends SeriousEventsInTheSiteZoneContract {
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
