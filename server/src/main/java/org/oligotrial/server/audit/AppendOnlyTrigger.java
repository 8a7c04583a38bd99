package org.oligotrial.server.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2 trigger on {@code audit_event}: refuses every UPDATE and DELETE, so the trail is append-only on H2 too. */
public final class AppendOnlyTrigger implements Trigger {
  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException("audit_event is append-only: update and delete are not allowed", "42501");
  }
}
