package org.oligotrial.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh PostgreSQL database for one test class, created through the admin URL in {@code OLIGOTRIAL_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}) and dropped by {@link #close()}.
 * Fails loudly, never skips, when the server is unreachable.
 */
public final class PostgresTestDatabase implements AutoCloseable {
  /** The admin URL. */
  public static final String ADMIN_URL = System.getenv().getOrDefault("OLIGOTRIAL_PG_URL",
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
  private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

  private final String name;
  private final String url;

  private PostgresTestDatabase(String name, String url) {
    this.name = name;
    this.url = url;
  }

  /** Creates {@code oligotrial_test_<random>}. */
  public static PostgresTestDatabase create() {
    String name = "oligotrial_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Matcher m = URL.matcher(ADMIN_URL);
    if (!m.matches()) {
      throw new IllegalStateException("OLIGOTRIAL_PG_URL is not a jdbc:postgresql://host:port/db URL: " + ADMIN_URL);
    }
    String url = m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
    try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is required by these tests and is not reachable at " + ADMIN_URL
          + " (" + e.getMessage() + "). Start it (pg_ctlcluster <version> main start) or set OLIGOTRIAL_PG_URL.", e);
    }
    return new PostgresTestDatabase(name, url);
  }

  /** The JDBC URL of the fresh database. */
  public String url() {
    return url;
  }

  @Override
  public void close() {
    try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test database " + name, e);
    }
  }
}
