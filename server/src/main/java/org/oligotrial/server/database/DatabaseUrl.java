package org.oligotrial.server.database;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.oligotrial.input.UserInputException;

/**
 * Chooses the database. The first of these wins: the {@code --db} flag, the environment variable
 * {@code OLIGOTRIAL_DB_URL}, the key {@code db.url} in {@code ./oligotrial.properties}, and the embedded H2 database
 * in file mode under {@code ./data}.
 *
 * <p>The H2 default sets {@code WRITE_DELAY=0} so that every commit reaches the file before it is acknowledged: a
 * killed server loses no committed write.
 */
public final class DatabaseUrl {
  /** The embedded default: H2 in file mode, commits written through at once. */
  public static final String DEFAULT_H2 = h2File(Path.of("data", "oligotrial"));

  /** The environment variable that selects the database. */
  public static final String ENV = "OLIGOTRIAL_DB_URL";

  private DatabaseUrl() {}

  /** The H2 file-mode URL for a database file base name (without the {@code .mv.db} suffix). */
  public static String h2File(Path base) {
    String p = base.isAbsolute() ? base.toString() : "./" + base;
    return "jdbc:h2:file:" + p + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
  }

  /**
   * The URL to use.
   *
   * @param flag the {@code --db} option, or null
   * @param env the process environment
   * @param configFile the optional properties file (may not exist)
   * @throws UserInputException when the chosen URL is not a JDBC URL for H2 or PostgreSQL
   */
  public static String resolve(String flag, Map<String, String> env, Path configFile) {
    String url = flag;
    if (isBlank(url)) {
      url = env.get(ENV);
    }
    if (isBlank(url) && Files.isRegularFile(configFile)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(configFile)) {
        p.load(r);
      } catch (IOException e) {
        throw new UserInputException("cannot read " + configFile + ": " + e.getMessage(), e);
      }
      url = p.getProperty("db.url");
    }
    if (isBlank(url)) {
      url = DEFAULT_H2;
    }
    url = url.trim();
    vendor(url);
    return url;
  }

  /** Resolves with the real environment and {@code ./oligotrial.properties}. */
  public static String resolve(String flag) {
    return resolve(flag, System.getenv(), Path.of("oligotrial.properties"));
  }

  /**
   * The migration vendor folder for a URL: {@code h2} or {@code postgresql}.
   *
   * @throws UserInputException for any other URL
   */
  public static String vendor(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return "h2";
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return "postgresql";
    }
    throw new UserInputException("--db must be a jdbc:h2: or jdbc:postgresql: URL, got: " + url);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
