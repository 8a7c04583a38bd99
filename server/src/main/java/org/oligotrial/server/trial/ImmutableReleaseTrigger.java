package org.oligotrial.server.trial;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger on {@code results_release}: refuses every UPDATE and DELETE, as the PostgreSQL trigger of migration
 * V89 does (a release is irreversible).
 */
public final class ImmutableReleaseTrigger implements Trigger {
  private String table = "results_release";

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
