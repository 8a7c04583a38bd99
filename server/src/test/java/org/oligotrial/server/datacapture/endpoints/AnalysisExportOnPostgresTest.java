package org.oligotrial.server.datacapture.endpoints;

import org.oligotrial.server.testing.PostgresTestDatabase;

/** The analysis-dataset export on PostgreSQL, in a fresh database dropped afterwards. */
class AnalysisExportOnPostgresTest extends AnalysisExportContract {
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
