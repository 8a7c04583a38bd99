package org.oligotrial.server.audit;

import java.sql.SQLException;
import java.sql.Statement;
import org.oligotrial.server.testing.PostgresTestDatabase;

/**
 * The attacks on PostgreSQL as superuser: {@code session_replication_role = replica} switches the append-only
 * triggers off for the session, as a replication tool or an attacker would.
 */
class TamperEvidenceOnPostgresTest extends TamperEvidenceContract {
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

  @Override
  void bypassTriggers(Statement st) throws SQLException {
    st.execute("SET session_replication_role = replica");
  }

  @Override
  void truncateAuditEvents(Statement st) throws SQLException {
    st.execute("TRUNCATE audit_event");
  }
}
