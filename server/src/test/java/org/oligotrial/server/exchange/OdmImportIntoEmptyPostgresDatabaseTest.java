package org.oligotrial.server.exchange;

import org.oligotrial.server.testing.PostgresTestDatabase;

/**
 * {@link OdmImportIntoEmptyDatabaseTest} with the empty databases imported into on PostgreSQL (each a fresh database
 * dropped afterwards); the source database stays H2, as a file travels between servers of either kind.
 */
class OdmImportIntoEmptyPostgresDatabaseTest extends OdmImportIntoEmptyDatabaseTest {
  @Override
  Target freshTarget() {
    PostgresTestDatabase db = PostgresTestDatabase.create();
    return new Target(db.url(), db::close);
  }
}
