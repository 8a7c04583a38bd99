package org.oligotrial.server.register;

import org.oligotrial.server.testing.PostgresTestDatabase;

/** The register's behaviour on PostgreSQL, in a fresh database dropped afterwards. */
class RegisterOnPostgresTest extends RegisterContract {
  private PostgresTestDatabase db;

  @Override
  String openDatabase() {
    db = PostgresTestDatabase.create();
    return db.url();
  }

  @Override
  void tamper(String... sql) {
    reg.tx().executeWithoutResult(s -> {
      reg.jdbc().sql("SET LOCAL session_replication_role = replica").update();
      for (String q : sql) {
        reg.jdbc().sql(q).update();
      }
    });
  }

  @Override
  void closeDatabase() {
    db.close();
  }
}
