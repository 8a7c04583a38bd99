package org.oligotrial.server.datacapture;

import org.oligotrial.server.testing.PostgresTestDatabase;

/** Data capture on PostgreSQL, in a fresh database dropped afterwards. */
class DataCaptureOnPostgresTest extends DataCaptureContract {
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
