package org.oligotrial.server.user;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger on {@code imported_signature}: refuses every UPDATE and DELETE, as the PostgreSQL trigger of migration
 * V101 does. A signature carried by an imported file is evidence of what the file said; like the audit trail it is
 * only ever appended to.
 */
public final class ImmutableImportedSignatureTrigger implements Trigger {
  private String table = "imported_signature";

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
      int type) {
    table = tableName.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(table + " is append-only: update and delete are not allowed", "42501");
  }
}
