package org.oligotrial.server.database;

import picocli.CommandLine.Option;

/** The {@code --db JDBC-URL} option shared by every server command; see {@link DatabaseUrl} for the fallbacks. */
public final class DatabaseOption {
  @Option(
      names = "--db",
      paramLabel = "JDBC-URL",
      description = "Database: jdbc:h2:... or jdbc:postgresql://... (default: $OLIGOTRIAL_DB_URL, db.url in"
          + " ./oligotrial.properties, else H2 in ./data)")
  String url;

  /** The resolved URL. */
  public String resolve() {
    return DatabaseUrl.resolve(url);
  }
}
