package org.oligotrial.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh PostgreSQL database for one test class, created through an admin connection and dropped by
 * {@link #close()}. The server is the one named by {@code OLIGOTRIAL_PG_URL} (an admin URL such as
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}; CI sets it), or, when that is unset, a PostgreSQL
 * that the tests start themselves, once per test JVM ({@link EmbeddedPostgresServer}). Fails loudly, never skips,
 * when neither can be had, with the sentence that says what to do.
 */
public final class PostgresTestDatabase implements AutoCloseable {
  /** The environment variable naming an existing server's admin URL. */
  public static final String URL_VARIABLE = "OLIGOTRIAL_PG_URL";
  private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

  private final String adminUrl;
  private final String name;
  private final String url;

  private PostgresTestDatabase(String adminUrl, String name, String url) {
    this.adminUrl = adminUrl;
    this.name = name;
    this.url = url;
  }

  /** Creates {@code oligotrial_test_<random>}, starting the tests' own server first where none is configured. */
  public static PostgresTestDatabase create() {
    String admin = adminUrl();
    String name = "oligotrial_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Matcher m = URL.matcher(admin);
    if (!m.matches()) {
      throw new IllegalStateException(URL_VARIABLE + " is not a jdbc:postgresql://host:port/db URL: " + admin);
    }
    String url = m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
    try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(configured() == null
          ? "could not create a database on the tests' own PostgreSQL at " + admin + " (" + e.getMessage() + ")"
          : "PostgreSQL is not reachable at " + admin + ", named by " + URL_VARIABLE + " (" + e.getMessage()
              + "). Start that server, or unset " + URL_VARIABLE + " and the tests start their own.", e);
    }
    return new PostgresTestDatabase(admin, name, url);
  }

  /**
   * The admin URL in use: {@code OLIGOTRIAL_PG_URL} when set, otherwise that of the tests' own server (started by
   * this call if it is the first).
   */
  public static String adminUrl() {
    String configured = configured();
    return configured != null ? configured : EmbeddedPostgresServer.adminUrl();
  }

  private static String configured() {
    String value = System.getenv(URL_VARIABLE);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The name of the fresh database. */
  public String name() {
    return name;
  }

  /** The JDBC URL of the fresh database. */
  public String url() {
    return url;
  }

  @Override
  public void close() {
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test database " + name, e);
    }
  }
}
