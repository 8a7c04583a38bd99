package org.oligotrial.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Opens connection pools and applies the schema migrations, outside Spring (for the operator commands). */
public final class Databases {
  /** Flyway locations: the portable migrations plus the vendor's own, {@code {vendor}} being h2 or postgresql. */
  public static final String COMMON_LOCATION = "classpath:db/migration/common";

  private Databases() {}

  /** A small pool on the URL. The caller closes it. */
  public static HikariDataSource open(String url, int maxPoolSize) {
    DatabaseUrl.vendor(url);
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setMaximumPoolSize(maxPoolSize);
    c.setPoolName("oligotrial");
    return new HikariDataSource(c);
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
