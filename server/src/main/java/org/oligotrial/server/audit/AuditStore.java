package org.oligotrial.server.audit;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.oligotrial.input.UserInputException;
import picocli.CommandLine.Option;

/**
 * Where the audit keys and the checkpoint log live, outside the database. For each, the first of these wins: the
 * command-line option ({@code --audit-keys DIR}, {@code --checkpoint-log DIR}; for the server also the properties
 * {@code oligotrial.audit.key-dir} and {@code oligotrial.audit.checkpoint-log}), the environment variable ({@code
 * OLIGOTRIAL_AUDIT_KEYS}, {@code OLIGOTRIAL_CHECKPOINT_LOG}), the key in {@code ./oligotrial.properties} ({@code
 * audit.keys}, {@code audit.checkpoint-log}), and the defaults {@code ./audit-keys} and {@code ./audit-checkpoints}.
 * The server and the operator commands must see the same directories. A picocli mixin.
 */
public final class AuditStore {
  public static final String KEYS_ENV = "OLIGOTRIAL_AUDIT_KEYS";
  public static final String LOG_ENV = "OLIGOTRIAL_CHECKPOINT_LOG";

  @Option(names = "--audit-keys", paramLabel = "DIR",
      description = "Directory of the audit signing and MAC keys, outside the database; made on first use"
          + " (default: $" + KEYS_ENV + ", audit.keys in ./oligotrial.properties, else ./audit-keys)")
  String keys;

  @Option(names = "--checkpoint-log", paramLabel = "DIR",
      description = "Append-only directory of signed audit checkpoints (default: $" + LOG_ENV
          + ", audit.checkpoint-log in ./oligotrial.properties, else ./audit-checkpoints)")
  String checkpointLog;

  /** The key directory. */
  public Path keyDirectory() {
    return resolve(keys, KEYS_ENV, "audit.keys", "audit-keys", System.getenv(), Path.of("oligotrial.properties"));
  }

  /** The checkpoint log directory. */
  public Path logDirectory() {
    return resolve(checkpointLog, LOG_ENV, "audit.checkpoint-log", "audit-checkpoints", System.getenv(),
        Path.of("oligotrial.properties"));
  }

  /** The store with the given options (null for "not given"). */
  public static AuditStore of(String keys, String checkpointLog) {
    AuditStore s = new AuditStore();
    s.keys = blank(keys) ? null : keys;
    s.checkpointLog = blank(checkpointLog) ? null : checkpointLog;
    return s;
  }

  static Path resolve(String flag, String envName, String propertyKey, String fallback, Map<String, String> env,
      Path configFile) {
    String v = flag;
    if (blank(v)) {
      v = env.get(envName);
    }
    if (blank(v) && Files.isRegularFile(configFile)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(configFile)) {
        p.load(r);
      } catch (IOException e) {
        throw new UserInputException("cannot read " + configFile + ": " + e.getMessage(), e);
      }
      v = p.getProperty(propertyKey);
    }
    return Path.of(blank(v) ? fallback : v.trim());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
