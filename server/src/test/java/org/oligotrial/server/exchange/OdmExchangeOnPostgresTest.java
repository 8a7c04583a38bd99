package org.oligotrial.server.exchange;

import org.oligotrial.server.testing.PostgresTestDatabase;

/** The ODM exchange on PostgreSQL, in a fresh database dropped afterwards. */
class OdmExchangeOnPostgresTest extends OdmExchangeContract {
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
