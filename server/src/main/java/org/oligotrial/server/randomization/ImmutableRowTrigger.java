package org.oligotrial.server.randomization;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger on {@code randomization}, {@code randomization_seed} and {@code randomization_deviation}: refuses every
 * UPDATE and DELETE, as the PostgreSQL trigger of migration V21 does.
 */
public final class ImmutableRowTrigger implements Trigger {
  private String table = "randomization";

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
