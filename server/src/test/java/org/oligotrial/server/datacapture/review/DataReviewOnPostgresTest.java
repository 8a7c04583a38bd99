package org.oligotrial.server.datacapture.review;

import org.oligotrial.server.testing.PostgresTestDatabase;

/** Data review on PostgreSQL, in a fresh database dropped afterwards. */
class DataReviewOnPostgresTest extends DataReviewContract {
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
