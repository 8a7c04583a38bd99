package org.oligotrial.server.audit;

import java.sql.SQLException;
import java.sql.Statement;
import org.oligotrial.server.testing.TestRegisters;

/** The attacks on H2, as its owner: the append-only triggers dropped first. */
class TamperEvidenceOnH2Test extends TamperEvidenceContract {
  @Override
  String openDatabase() {
    return TestRegisters.freshH2Url();
  }

  @Override
  void closeDatabase() {
    // in-memory: gone with its last connection's pool
  }

  @Override
  void bypassTriggers(Statement st) throws SQLException {
    st.execute("DROP TRIGGER IF EXISTS audit_event_no_update");
    st.execute("DROP TRIGGER IF EXISTS audit_event_no_delete");
  }

  @Override
  void truncateAuditEvents(Statement st) throws SQLException {
    st.execute("TRUNCATE TABLE audit_event");
  }
}
