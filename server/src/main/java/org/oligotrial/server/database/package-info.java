/**
 * Where the register lives: resolves the JDBC URL (flag, {@code OLIGOTRIAL_DB_URL}, config file, or the embedded H2
 * file under {@code ./data}), opens a connection pool and applies the versioned Flyway migrations for the vendor.
 */
package org.oligotrial.server.database;
