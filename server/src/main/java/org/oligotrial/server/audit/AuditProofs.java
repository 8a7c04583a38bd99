package org.oligotrial.server.audit;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.merkle.MerkleHash;
import org.oligotrial.merkle.MerkleTree;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inclusion proofs (an audit row is in checkpoint N) and consistency proofs (checkpoint M extends checkpoint N) as
 * JSON documents that anyone can check with the public key alone ({@link #check}), without the database: RFC 9162
 * sections 2.1.3 and 2.1.4 over the rows' content digests ({@link AuditHash#contentDigest}; leaf {@code seq - 1}).
 *
 * <p>Inclusion: {@code {"type": "oligotrial-audit-inclusion-proof/1", "row": {seq, occurredAt, actor, action,
 * entityType, entityId, field, oldValue, newValue, reason, siteCode[, trialId]}, "treeSize": n, "path": [hex...],
 * "checkpoint": signed text}}. Consistency: {@code {"type": "oligotrial-audit-consistency-proof/1", "first": signed
 * text, "second": signed text, "proof": [hex...]}}. Stateless and thread-safe.
 */
public final class AuditProofs {
  static final String INCLUSION = "oligotrial-audit-inclusion-proof/1";
  static final String CONSISTENCY = "oligotrial-audit-consistency-proof/1";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HexFormat HEX = HexFormat.of();

  private AuditProofs() {}

  /**
   * The inclusion proof of {@code row} in {@code cp}.
   *
   * @param digests content digests of rows 1..cp.size() at least
   */
  public static String inclusion(AuditEvent row, Checkpoint cp, List<byte[]> digests) {
    Map<String, Object> r = new LinkedHashMap<>();
    AuditEntry e = row.entry();
    r.put("seq", row.seq());
    r.put("occurredAt", row.occurredAt().toString());
    r.put("actor", e.actor());
    r.put("action", e.action().name());
    r.put("entityType", e.entityType());
    r.put("entityId", e.entityId());
    r.put("field", e.field());
    r.put("oldValue", e.oldValue());
    r.put("newValue", e.newValue());
    r.put("reason", e.reason());
    r.put("siteCode", e.siteCode());
    if (e.trialId() != null) {
      r.put("trialId", e.trialId()); // absent for rows without a trial (all rows chained before V60)
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", INCLUSION);
    doc.put("row", r);
    doc.put("treeSize", cp.size());
    doc.put("path", hex(MerkleTree.inclusionPath(digestLeaves(digests, cp.size()), row.seq() - 1, cp.size())));
    doc.put("checkpoint", cp.text());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
  }

  /** The consistency proof from {@code first} to {@code second}; {@code digests} cover rows 1..second.size(). */
  public static String consistency(Checkpoint first, Checkpoint second, List<byte[]> digests) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", CONSISTENCY);
    doc.put("first", first.text());
    doc.put("second", second.text());
    doc.put("proof", hex(MerkleTree.consistencyProof(digestLeaves(digests, second.size()), first.size(),
        second.size())));
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
  }

  /**
   * Checks a proof document with the public key only.
   *
   * @return the outcome: valid or not, and one sentence saying what was proved or what failed
   */
  public static Outcome check(String json, PublicKey key) {
    JsonNode doc;
    try {
      doc = JSON.readTree(json);
    } catch (JacksonException e) {
      return Outcome.invalid("not a JSON document: " + e.getOriginalMessage());
    }
    if (doc == null || !doc.isObject()) {
      return Outcome.invalid("not a JSON object");
    }
    String type = text(doc, "type");
    try {
      if (INCLUSION.equals(type)) {
        return checkInclusion(doc, key);
      }
      if (CONSISTENCY.equals(type)) {
        return checkConsistency(doc, key);
      }
      return Outcome.invalid("\"type\" must be \"" + INCLUSION + "\" or \"" + CONSISTENCY + "\", not " + type);
    } catch (IllegalArgumentException e) {
      return Outcome.invalid(e.getMessage());
    }
  }

  private static Outcome checkInclusion(JsonNode doc, PublicKey key) {
    Checkpoint cp = signed(doc, "checkpoint", key);
    JsonNode r = doc.get("row");
    if (r == null || !r.isObject()) {
      throw new IllegalArgumentException("\"row\" is missing");
    }
    long seq = number(r, "seq");
    long size = number(doc, "treeSize");
    if (size != cp.size()) {
      throw new IllegalArgumentException("\"treeSize\" " + size + " is not the checkpoint's " + cp.size() + " rows");
    }
    AuditEntry e;
    Instant at;
    try {
      e = new AuditEntry(text(r, "actor"), AuditAction.valueOf(text(r, "action")), text(r, "entityType"),
          text(r, "entityId"), text(r, "field"), text(r, "oldValue"), text(r, "newValue"), text(r, "reason"),
          text(r, "siteCode"), text(r, "trialId"));
      at = Instant.parse(text(r, "occurredAt"));
    } catch (RuntimeException ex) {
      throw new IllegalArgumentException("\"row\" is not an audit row: " + ex.getMessage(), ex);
    }
    byte[] leaf = MerkleHash.leaf(AuditHash.contentDigest(at, e));
    if (!MerkleTree.verifyInclusion(seq - 1, size, leaf, hashes(doc, "path"), cp.rootBytes())) {
      return Outcome.invalid("row " + seq + " as given is NOT in checkpoint " + cp.number() + " (rows 1.."
          + cp.size() + "): the path does not lead to its signed root");
    }
    return new Outcome(true, "row " + seq + " (" + e.action() + " " + e.entityType() + " " + e.entityId()
        + ") is in checkpoint " + cp.number() + " of chain " + cp.chainId() + " (rows 1.." + cp.size()
        + ", signed " + cp.time() + " by key " + cp.keyId() + ")");
  }

  private static Outcome checkConsistency(JsonNode doc, PublicKey key) {
    Checkpoint first = signed(doc, "first", key);
    Checkpoint second = signed(doc, "second", key);
    if (!first.chainId().equals(second.chainId())) {
      return Outcome.invalid("the checkpoints belong to different chains");
    }
    if (first.size() > second.size() || first.number() > second.number()) {
      return Outcome.invalid("checkpoint " + first.number() + " does not come before checkpoint "
          + second.number());
    }
    if (!MerkleTree.verifyConsistency(first.size(), second.size(), first.rootBytes(), second.rootBytes(),
        hashes(doc, "proof"))) {
      return Outcome.invalid("checkpoint " + second.number() + " does NOT extend checkpoint " + first.number()
          + ": rows 1.." + first.size() + " were changed between them");
    }
    return new Outcome(true, "checkpoint " + second.number() + " (rows 1.." + second.size() + ") extends checkpoint "
        + first.number() + " (rows 1.." + first.size() + ") of chain " + first.chainId()
        + ": no witnessed row was changed, removed or reordered in between");
  }

  private static Checkpoint signed(JsonNode doc, String field, PublicKey key) {
    String text = text(doc, field);
    if (text == null) {
      throw new IllegalArgumentException("\"" + field + "\" is missing");
    }
    Checkpoint cp;
    try {
      cp = Checkpoint.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + field + "\" is not a checkpoint: " + e.getMessage(), e);
    }
    if (!cp.signedBy(key)) {
      throw new IllegalArgumentException("\"" + field + "\": checkpoint " + cp.number()
          + " is not signed by this public key");
    }
    return cp;
  }

  private static List<byte[]> digestLeaves(List<byte[]> digests, long size) {
    List<byte[]> leaves = new ArrayList<>((int) size);
    for (byte[] d : digests.subList(0, (int) size)) {
      leaves.add(MerkleHash.leaf(d));
    }
    return leaves;
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }

  private static List<byte[]> hashes(JsonNode doc, String field) {
    JsonNode a = doc.get(field);
    if (a == null || !a.isArray()) {
      throw new IllegalArgumentException("\"" + field + "\" must be an array of hex hashes");
    }
    List<byte[]> out = new ArrayList<>();
    for (JsonNode n : a) {
      String s = n.isString() ? n.asString() : "";
      if (!s.matches("[0-9a-fA-F]{64}")) {
        throw new IllegalArgumentException("\"" + field + "\": " + n + " is not a 64-digit hex hash");
      }
      out.add(HEX.parseHex(s));
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asString();
  }

  private static long number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || v.asLong() < 1) {
      throw new IllegalArgumentException("\"" + field + "\" must be a positive whole number");
    }
    return v.asLong();
  }

  /** Whether a proof held, and what it showed or why not. */
  public record Outcome(boolean valid, String message) {
    static Outcome invalid(String why) {
      return new Outcome(false, why);
    }
  }
}
