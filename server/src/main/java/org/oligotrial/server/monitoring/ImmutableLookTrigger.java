package org.oligotrial.server.monitoring;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger on {@code interim_look}: refuses every
 * UPDATE and DELETE, as the PostgreSQL trigger of migration V86 does.
 */
public final class ImmutableLookTrigger implements Trigger {
  private String table = "interim_look";

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
      int type) {
    table = tableName.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(table + " is immutable: update and delete are not allowed", "42501");
  }
}
