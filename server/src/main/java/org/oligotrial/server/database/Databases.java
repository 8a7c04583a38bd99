package org.oligotrial.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Opens connection pools and applies the schema migrations, outside Spring (for the operator commands). */
public final class Databases {
  /** Flyway locations: the portable migrations plus the vendor's own, {@code {vendor}} being h2 or postgresql. */
  public static final String COMMON_LOCATION = "classpath:db/migration/common";

  private Databases() {}

  /**
   * Driver properties the application sets for a URL (a property given in the URL itself wins). PostgreSQL:
   * {@code reWriteBatchedInserts}, so that a batch of audit rows is one multi-row {@code INSERT} rather than one
   * statement per row.
   */
  public static Map<String, String> driverProperties(String url) {
    return "postgresql".equals(DatabaseUrl.vendor(url)) ? Map.of("reWriteBatchedInserts", "true") : Map.of();
  }

  /** A small pool on the URL. The caller closes it. */
  public static HikariDataSource open(String url, int maxPoolSize) {
    DatabaseUrl.vendor(url);
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    driverProperties(url).forEach(c::addDataSourceProperty);
    c.setMaximumPoolSize(maxPoolSize);
    c.setPoolName("oligotrial");
    return new HikariDataSource(c);
  }

  /** Whether the data source is a PostgreSQL database (from the driver's metadata; false when it cannot tell). */
  public static boolean isPostgres(DataSource ds) {
    try (Connection c = ds.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      return false;
    }
  }

  /** Brings the schema up to date. Safe to call on every start. */
  public static void migrate(DataSource ds, String url) {
    Flyway.configure()
        .dataSource(ds)
        .locations(COMMON_LOCATION, "classpath:db/migration/" + DatabaseUrl.vendor(url))
        .load()
        .migrate();
  }
}
