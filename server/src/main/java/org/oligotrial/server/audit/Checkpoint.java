package org.oligotrial.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A signed statement of the audit chain's state: after row {@code size} the chain's head hash was {@code head} and
 * the RFC 9162 Merkle tree over the rows' content digests ({@link AuditHash#contentDigest}) had root {@code root}.
 * Signed with Ed25519 ({@link AuditKeys}) over {@link #body()}:
 *
 * <pre>
 * oligotrial audit checkpoint v1
 * chain: 3f0c...           the chain's id (audit_head.chain_id), so that one log can serve several databases
 * checkpoint: 12           1, 2, 3, ... without gaps
 * rows: 48213              the tree size: rows 1..rows are covered
 * head: 9a41...            hash (hex) of row {@code rows}
 * root: 77c0...            Merkle tree root (hex)
 * time: 2026-12-06T11:52:03.123456Z
 * key: 5b1e0c2a9d3f4e61    {@link AuditKeys#keyId}
 * </pre>
 *
 * <p>{@link #text()} is the body followed by {@code signature: <Base64>}; it is what {@code audit_checkpoint} holds.
 *
 * @param chainId the chain's id
 * @param number the checkpoint's number, from 1
 * @param size rows covered (the last row's sequence number)
 * @param head the hex hash of row {@code size} (64 zeros when size is 0)
 * @param root the hex Merkle root over rows 1..size
 * @param time when it was made (UTC)
 * @param keyId the signing key's id
 * @param signature Base64 Ed25519 signature of {@link #body()}
 */
public record Checkpoint(String chainId, long number, long size, String head, String root, Instant time,
    String keyId, String signature) {
  static final String MAGIC = "oligotrial audit checkpoint v1";

  public Checkpoint {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(signature, "signature");
  }

  /** Makes and signs a checkpoint. */
  static Checkpoint sign(AuditKeys keys, String chainId, long number, long size, String head, byte[] root,
      Instant time) {
    Checkpoint unsigned = new Checkpoint(chainId, number, size, head, HexFormat.of().formatHex(root), time,
        AuditKeys.keyId(keys.publicKey()), "");
    byte[] sig = keys.sign(unsigned.body().getBytes(StandardCharsets.UTF_8));
    return new Checkpoint(chainId, number, size, head, unsigned.root(), time, unsigned.keyId(),
        Base64.getEncoder().encodeToString(sig));
  }

  /** The signed text: one {@code name: value} line per field, in the order above, each ending in a newline. */
  public String body() {
    return MAGIC + "\n"
        + "chain: " + chainId + "\n"
        + "checkpoint: " + number + "\n"
        + "rows: " + size + "\n"
        + "head: " + head + "\n"
        + "root: " + root + "\n"
        + "time: " + DateTimeFormatter.ISO_INSTANT.format(time) + "\n"
        + "key: " + keyId + "\n";
  }

  /** The body and its signature line. */
  public String text() {
    return body() + "signature: " + signature + "\n";
  }

  /** The root as bytes. */
  public byte[] rootBytes() {
    return HexFormat.of().parseHex(root);
  }

  /** Whether the signature is {@code key}'s over the body (a malformed signature is simply not valid). */
  public boolean signedBy(PublicKey key) {
    try {
      return AuditKeys.verify(key, body().getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(signature));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Reads the lines of {@link #text()} (further lines are ignored).
   *
   * @throws IllegalArgumentException naming what is wrong, when the lines are not a checkpoint
   */
  public static Checkpoint parse(List<String> lines) {
    if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
      throw new IllegalArgumentException("does not start with \"" + MAGIC + "\"");
    }
    String[] names = {"chain", "checkpoint", "rows", "head", "root", "time", "key", "signature"};
    if (lines.size() < names.length + 1) {
      throw new IllegalArgumentException("cut short: " + lines.size() + " lines");
    }
    Map<String, String> v = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      String line = lines.get(i + 1);
      String prefix = names[i] + ": ";
      if (!line.startsWith(prefix)) {
        throw new IllegalArgumentException("line " + (i + 2) + ": expected \"" + prefix + "...\"");
      }
      v.put(names[i], line.substring(prefix.length()));
    }
    try {
      return new Checkpoint(v.get("chain"), Long.parseLong(v.get("checkpoint")), Long.parseLong(v.get("rows")),
          hex64(v.get("head"), "head"), hex64(v.get("root"), "root"), Instant.parse(v.get("time")), v.get("key"),
          v.get("signature"));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("malformed field: " + e.getMessage(), e);
    }
  }

  /** Reads {@link #text()}. */
  public static Checkpoint parse(String text) {
    return parse(text.lines().toList());
  }

  private static String hex64(String s, String name) {
    if (!s.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(name + ": expected 64 lower-case hex digits");
    }
    return s;
  }
}
