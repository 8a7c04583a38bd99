package org.oligotrial.server.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.oligotrial.input.UserInputException;

/**
 * The audit trail's secrets, kept outside the database: an Ed25519 key pair that signs checkpoints ({@link
 * Checkpoint}) and a 256-bit HMAC-SHA256 key that marks every row the server stages or chains, so that a row written
 * into the database by anyone else is recognised.
 *
 * <p>On disk, in one directory (created with owner-only permissions where the file system has POSIX permissions):
 * {@code audit-signing.key} (the private key, PKCS#8, PEM), {@code audit-signing.pub} (the public key, X.509
 * SubjectPublicKeyInfo, PEM: give this one to monitors and to {@code audit check-proof}) and {@code audit-mac.key}
 * (the MAC key, Base64). {@link #loadOrCreate} makes them on first use. Everything uses the JDK's providers (Ed25519
 * since Java 15, RFC 8032; HMAC-SHA256, RFC 2104).
 *
 * <p>Thread-safe: each thread has its own {@link Mac}; every signature its own {@link Signature}.
 */
public final class AuditKeys {
  static final String PRIVATE_FILE = "audit-signing.key";
  public static final String PUBLIC_FILE = "audit-signing.pub";
  static final String MAC_FILE = "audit-mac.key";

  private static final class Ephemeral {
    static final AuditKeys KEYS = generate();
  }

  private final KeyPair signing;
  private final byte[] macKey;
  /** One initialised Mac per thread (a Mac is not thread-safe; looking one up and keying it costs more than a MAC). */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  private AuditKeys(KeyPair signing, byte[] macKey) {
    this.signing = signing;
    this.macKey = macKey.clone();
  }

  /**
   * Keys held only in this process's memory, the same for every caller in it: for tests and for a register embedded
   * without a key directory (its checkpoints could not be checked after the process ends).
   */
  public static AuditKeys ephemeral() {
    return Ephemeral.KEYS;
  }

  private static AuditKeys generate() {
    try {
      KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] mac = new byte[32];
      new SecureRandom().nextBytes(mac);
      return new AuditKeys(kp, mac);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 15+ platform", e);
    }
  }

  /**
   * The keys in {@code dir}, made there first when the directory holds none.
   *
   * @throws UserInputException when the directory holds some of the files but not all, or a file cannot be read
   */
  public static AuditKeys loadOrCreate(Path dir) {
    return load(dir, true);
  }

  /**
   * The keys in {@code dir}; made there first only when the directory holds none and {@code mayCreate}.
   *
   * @throws UserInputException when the keys are missing (and may not be made), incomplete or unreadable
   */
  public static AuditKeys load(Path dir, boolean mayCreate) {
    Path priv = dir.resolve(PRIVATE_FILE);
    Path pub = dir.resolve(PUBLIC_FILE);
    Path mac = dir.resolve(MAC_FILE);
    boolean any = Files.exists(priv) || Files.exists(pub) || Files.exists(mac);
    if (!any && !mayCreate) {
      throw new UserInputException("no audit keys in " + dir.toAbsolutePath() + ", but the audit trail was written"
          + " with keys: give the server's key directory (--audit-keys DIR or $" + AuditStore.KEYS_ENV + ")");
    }
    if (!any) {
      AuditKeys k = generate();
      try {
        createPrivateDirectory(dir);
        writeNew(priv, pem("PRIVATE KEY", k.signing.getPrivate().getEncoded()), true);
        writeNew(mac, Base64.getEncoder().encodeToString(k.macKey) + "\n", true);
        writeNew(pub, pem("PUBLIC KEY", k.signing.getPublic().getEncoded()), false);
        return k;
      } catch (FileAlreadyExistsException e) {
        // another process made them meanwhile: read theirs
      } catch (IOException e) {
        throw new UserInputException("cannot create the audit keys in " + dir + ": " + e.getMessage(), e);
      }
    }
    for (Path p : new Path[] {priv, pub, mac}) {
      if (!Files.isRegularFile(p)) {
        throw new UserInputException("audit key directory " + dir + " lacks " + p.getFileName()
            + ": restore it from the backup (a new key would not match the checkpoints already signed)");
      }
    }
    try {
      KeyFactory kf = KeyFactory.getInstance("Ed25519");
      PrivateKey privateKey = kf.generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(priv))));
      PublicKey publicKey = readPublicKey(pub);
      byte[] macKey = Base64.getDecoder().decode(Files.readString(mac).trim());
      if (macKey.length < 32) {
        throw new UserInputException(mac + ": the MAC key must be at least 32 bytes");
      }
      return new AuditKeys(new KeyPair(publicKey, privateKey), macKey);
    } catch (IOException e) {
      throw new UserInputException("cannot read the audit keys in " + dir + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new UserInputException("the audit keys in " + dir + " are damaged: " + e.getMessage(), e);
    }
  }

  /**
   * Reads an Ed25519 public key (PEM, {@code -----BEGIN PUBLIC KEY-----}).
   *
   * @throws UserInputException when the file is missing or holds no Ed25519 public key
   */
  public static PublicKey readPublicKey(Path file) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(unpem(Files.readString(file))));
    } catch (IOException e) {
      throw new UserInputException("cannot read the public key " + file + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new UserInputException(file + " holds no Ed25519 public key: " + e.getMessage(), e);
    }
  }

  public PublicKey publicKey() {
    return signing.getPublic();
  }

  /** The public key as PEM text (as in {@code audit-signing.pub}). */
  public String publicKeyPem() {
    return pem("PUBLIC KEY", signing.getPublic().getEncoded());
  }

  /** The first 16 hex digits of SHA-256 of the encoded public key: names the key in checkpoints. */
  public static String keyId(PublicKey key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ed25519 signature of {@code data}. */
  public byte[] sign(byte[] data) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(signing.getPrivate());
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** Whether {@code signature} is {@code key}'s Ed25519 signature of {@code data}. */
  public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(data);
      return s.verify(signature);
    } catch (InvalidKeyException e) {
      return false;
    } catch (GeneralSecurityException e) {
      return false; // a malformed signature
    }
  }

  /** HMAC-SHA256 of {@code data} under the MAC key, as 64 hex digits. */
  public String mac(byte[] data) {
    return HexFormat.of().formatHex(macs.get().doFinal(data)); // doFinal resets the Mac for the next use
  }

  private Mac newMac() {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(macKey, "HmacSHA256"));
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", e);
    }
  }

  /** Whether {@code mac} is the MAC of {@code data}, compared in constant time. */
  public boolean macMatches(byte[] data, String mac) {
    if (mac == null) {
      return false;
    }
    return MessageDigest.isEqual(mac(data).getBytes(StandardCharsets.US_ASCII),
        mac.getBytes(StandardCharsets.US_ASCII));
  }

  private static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }

  private static void writeNew(Path file, String text, boolean secret) throws IOException {
    if (secret) {
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
      Files.writeString(file, text, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    } else {
      Files.writeString(file, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.SYNC);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static byte[] unpem(String text) {
    String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }
}
